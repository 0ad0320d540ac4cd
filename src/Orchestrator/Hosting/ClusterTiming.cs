using System.Globalization;
using Orleans.Configuration;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;

namespace Sweep.Orchestrator.Hosting;

/// <summary>How fast a cluster notices a dead host. A trial moves when its lease runs out, so leases are short and
/// renewed often (by the worker process, not the trial's training threads, so training load does not starve
/// them); a lease outlives at least three missed renewals. Membership decides where a sweep's grain lives: probes
/// notice a killed silo in a few seconds, with enough missed probes allowed that a host busy training is not
/// declared dead. Every host of a cluster should use the same values: the grain's host sets a lease's length, the
/// trial's host renews it.</summary>
public sealed record ClusterTiming(TimeSpan Lease, TimeSpan Heartbeat, TimeSpan ProbeTimeout, int MissedProbes)
{
    public const string LeaseKey = "Cluster:LeaseSeconds";
    public const string HeartbeatKey = "Cluster:HeartbeatSeconds";
    public const string ProbeTimeoutKey = "Cluster:ProbeTimeoutSeconds";
    public const string MissedProbesKey = "Cluster:MissedProbes";

    public static ClusterTiming Default { get; } =
        new(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), MissedProbes: 3);

    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>The defaults, with whatever the settings change; a value that cannot work ends the command with
    /// one line naming where it was set.</summary>
    public static ClusterTiming From(SweepSettings settings)
    {
        var timing = new ClusterTiming(
            Seconds(settings, LeaseKey, Default.Lease),
            Seconds(settings, HeartbeatKey, Default.Heartbeat),
            Seconds(settings, ProbeTimeoutKey, Default.ProbeTimeout),
            Count(settings, MissedProbesKey, Default.MissedProbes));
        if (timing.Lease < timing.Heartbeat * 3)
            throw new UserErrorException($"{settings.SourceOf(settings[LeaseKey] is null ? HeartbeatKey : LeaseKey)}: expected "
                + $"a lease of at least three heartbeats, found a lease of {Show(timing.Lease)} and heartbeats every {Show(timing.Heartbeat)}");
        return timing;
    }

    public void Leases(SweepOptions options)
    {
        options.LeaseDuration = Lease;
        options.HeartbeatInterval = Heartbeat;
        options.IdlePoll = TimeSpan.FromMilliseconds(250);
    }

    public void Membership(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.MinProbeTimeout = ProbeTimeout / 2;
        options.NumMissedProbesLimit = MissedProbes;
        options.TableRefreshTimeout = ProbeTimeout * 2;
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }

    private static TimeSpan Seconds(SweepSettings settings, string key, TimeSpan fallback)
    {
        if (settings[key] is not { } text)
            return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds) || seconds <= 0 || TimeSpan.FromSeconds(seconds) > Longest)
            throw new UserErrorException($"{settings.SourceOf(key)}: expected a number of seconds above 0 and at most {Longest.TotalSeconds:F0}, found '{text}'");
        return TimeSpan.FromSeconds(seconds);
    }

    private static int Count(SweepSettings settings, string key, int fallback)
    {
        if (settings[key] is not { } text)
            return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 100)
            throw new UserErrorException($"{settings.SourceOf(key)}: expected a whole number from 1 to 100, found '{text}'");
        return count;
    }

    private static string Show(TimeSpan span) => $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
}
