namespace Sweep.Orchestrator.Scheduling;

public sealed class SweepOptions
{
    /// <summary>How long a slot holds a trial without news; renewed every epoch and by a heartbeat.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>How long an idle slot waits before asking again when no trial is available yet.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromMilliseconds(100);
    /// <summary>Names this host in lease owners, and so in every epoch's record of who trained it.</summary>
    public string HostName { get; set; } = Environment.MachineName;
}
