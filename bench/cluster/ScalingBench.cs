using Sweep.Bench;
namespace Sweep.ClusterBench;

/// <summary>One worker count's run of sleep-bound trials. Efficiency is the ideal makespan (all trial time spread
/// evenly over the workers, no overhead) over the measured one.</summary>
public sealed record ScalingFigures(int Workers, StoreSpan Run, double SecondsPerTrial)
{
    public TimeSpan Ideal => TimeSpan.FromSeconds(Run.Trials * SecondsPerTrial / Workers);

    public double Efficiency => Ideal / Run.Span;
}

/// <summary>Measurement 1: the same sweep of sleep-bound synthetic trials on 1, 2, 4, 8… one-slot workers. Exactly
/// N workers are started for each count (and stopped after), so no idle extra worker can take a trial.</summary>
public static class ScalingBench
{
    public const double Goal = 0.95;

    public static async Task<IReadOnlyList<ScalingFigures>> RunAsync(BenchOptions options, RedisServerProcess redis,
        SweepProgram program)
    {
        var results = new List<ScalingFigures>();
        foreach (var count in options.ScalingWorkers)
        {
            var clusterId = $"scale-{count}";
            var directory = Path.Combine(options.WorkDirectory, clusterId);
            using var workers = await ClusterWorkers.StartAsync(program, clusterId,
                Enumerable.Range(1, count).Select(i => $"w{i}"), directory);
            var warmedUp = await ClusterWarmUp.RunAsync(redis, clusterId, workers, 2 * count,
                Path.Combine(directory, "warm-up"));
            var loadBefore = MachineLoad.Now();
            var sweep = await SubmittedSweep.SubmitAsync(redis, program, clusterId,
                SyntheticSweeps.Random($"scale-{count}", options.ScalingTrials, 1, options.ScalingSeconds), directory);
            var figures = new ScalingFigures(count, StoreSpan.Of(await sweep.WaitForEndAsync(TimeSpan.FromMinutes(30))),
                options.ScalingSeconds);
            results.Add(figures);
            var speedup = results[0].Run.Span / figures.Run.Span;
            Console.WriteLine(
                $"scaling    {count} worker(s): {figures.Run.Completed}/{figures.Run.Trials} trials of "
                + $"{options.ScalingSeconds:0.###} s, makespan {figures.Run.Span.TotalSeconds:F2} s vs ideal "
                + $"{figures.Ideal.TotalSeconds:F2} s → efficiency {100 * figures.Efficiency:F1}%, speedup "
                + $"{speedup:F2}× over {results[0].Workers} worker(s) ({loadBefore} → {MachineLoad.Now()}; {warmedUp})");
        }
        if (results.FirstOrDefault(r => r.Workers == 8) is { } eight)
            Console.WriteLine(
                $"scaling    efficiency at 8 workers {100 * eight.Efficiency:F1}% (goal ≥ {100 * Goal:F0}%: "
                + $"{(eight.Efficiency >= Goal ? "met" : "missed")})");
        return results;
    }
}
