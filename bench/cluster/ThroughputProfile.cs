namespace Sweep.ClusterBench;

/// <summary>Where a Redis run's time went, per trial: the calls the clients sent (every command but those only the
/// store's scripts run, less the HGETALL inside each lease script) and the server time they took, each command Redis
/// ran, the workers' lease-to-finish and finish-to-lease times, and the CPU of workers and server.</summary>
public static class ThroughputProfile
{
    public static IEnumerable<string> Lines(ClusterThroughput measured)
    {
        var run = measured.Run;
        double PerTrial(long value) => (double)value / run.Trials;
        var sent = measured.Commands.Where(c => !RedisCommandStats.ScriptedCommands.Contains(c.Command)).ToList();
        yield return $"  redis       per trial: {PerTrial(sent.Sum(c => c.Calls) - run.Trials):F1} calls sent to Redis "
            + $"taking {PerTrial(sent.Sum(c => c.Microseconds)):F0} µs of server time, against "
            + $"{1e6 / run.TrialsPerSecond:F0} µs of span per trial; the idle cluster beforehand sent "
            + $"{measured.IdleCommandsPerSecond:F0} commands/s";
        yield return "  redis       commands per trial (calls, µs): " + string.Join(", ", measured.Commands
            .Where(c => PerTrial(c.Calls) >= 0.01)
            .Select(c => $"{c.Command} {PerTrial(c.Calls):F2} ({PerTrial(c.Microseconds):F0})"));
        var timeline = measured.Timeline;
        yield return $"  slots       lease→finish mean {Ms(timeline.MeanHeld)} (median {Ms(timeline.MedianHeld)}), "
            + $"finish→next lease on the same worker mean {Ms(timeline.MeanBetween)} (median {Ms(timeline.MedianBetween)}; "
            + "0 or just below when the next lease is granted in the finish's call); "
            + $"{timeline.FewestTrials}–{timeline.MostTrials} trials per worker over {timeline.Workers} workers";
        yield return $"  cpu         workers used {measured.WorkerCpu.TotalSeconds:F1} CPU-s "
            + $"({measured.WorkerCpu / run.Span:F2} cores, {measured.WorkerCpu.TotalMilliseconds / run.Trials:F1} ms per "
            + $"trial), redis-server {measured.RedisCpu.TotalSeconds:F1} CPU-s ({measured.RedisCpu / run.Span:F2} cores)";
    }

    private static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:F1} ms";
}
