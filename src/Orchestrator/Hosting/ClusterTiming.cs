using Orleans.Configuration;
using Sweep.Orchestrator.Scheduling;

namespace Sweep.Orchestrator.Hosting;

/// <summary>How fast a cluster notices a dead host. A trial moves when its lease runs out, so leases are short and
/// renewed often (every second, by the worker process, not the trial process that trains, so training load does
/// not starve them; a lease outlives three missed renewals). Membership decides where the sweep's grain lives; probes are tuned to notice a killed silo in a few
/// seconds, with enough missed probes allowed that a host busy training is not declared dead.</summary>
public static class ClusterTiming
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(4);
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);

    public static void Leases(SweepOptions options)
    {
        options.LeaseDuration = LeaseDuration;
        options.HeartbeatInterval = HeartbeatInterval;
        options.IdlePoll = TimeSpan.FromMilliseconds(250);
    }

    public static void Membership(ClusterMembershipOptions options)
    {
        options.MinProbeTimeout = TimeSpan.FromMilliseconds(500);
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 3;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
