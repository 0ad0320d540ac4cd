using System.Diagnostics;
using Sweep.Bench;
using Sweep.Orchestrator.Scheduling;

namespace Sweep.ClusterBench;

/// <summary>Measurement 2: zero-second trials, so nothing but orchestration takes time. The same sweep runs
/// through the Redis store on W one-slot workers, then through the SQLite store on W slots of one process (the
/// path of <c>sweep run --slots W</c>), and Optuna runs trivial trials with RandomSampler on SQLite and on a
/// JournalRedisStorage in the same redis-server. The workers are stopped before the others run, so they do not
/// share the cores with them.</summary>
public static class ThroughputBench
{
    public const double Goal = 500;

    /// <summary>Well past the 30 calls after which the runtime recompiles a method with instrumentation, and its
    /// recompiling once more from what it measured, so the measured sweep runs the code a long-running worker
    /// would.</summary>
    private const int WarmUpTrialsPerWorker = 200;

    public static async Task RunAsync(BenchOptions options, RedisServerProcess redis, SweepProgram program,
        ChildProcesses children)
    {
        var trials = options.ThroughputTrials;
        var workers = options.ThroughputWorkers;
        var spec = SyntheticSweeps.Random("throughput", trials, 1, 0);
        var directory = Path.Combine(options.WorkDirectory, "throughput");

        var cluster = await ClusterThroughput.MeasureAsync(redis, program, workers, spec, WarmUpTrialsPerWorker * workers,
            Path.Combine(directory, "redis"));
        var run = cluster.Run;
        Print($"sweep-redis   {run.Completed}/{run.Trials} zero-second trials on {workers} workers in "
            + $"{run.Span.TotalSeconds:F2} s → {run.TrialsPerSecond:F0} trials/s ({cluster.LoadBefore} → "
            + $"{cluster.LoadAfter}; {cluster.WarmedUp})");
        foreach (var line in ThroughputProfile.Lines(cluster))
            Print(line);

        var loadBefore = MachineLoad.Now();
        var self = new CpuMeter([Process.GetCurrentProcess()]);
        var local = StoreSpan.Of((await InProcessSweep.RunAsync(spec, Path.Combine(directory, "sqlite"),
            new SlotPlan(workers, 1), new SyntheticTrialExecutor(TimeProvider.System))).Trials);
        Print($"sweep-sqlite  {local.Completed}/{local.Trials} zero-second trials on {workers} slots of one process "
            + $"in {local.Span.TotalSeconds:F2} s → {local.TrialsPerSecond:F0} trials/s ({loadBefore} → {MachineLoad.Now()}; "
            + $"{self.Used.TotalMilliseconds / local.Trials:F1} ms of CPU per trial with the silo's start)");

        var optunaSqlite = await OptunaPeer.SqliteAsync(children, options.OptunaTrials, Path.Combine(directory, "optuna"));
        Print(Line(optunaSqlite));
        var optunaRedis = await OptunaPeer.RedisAsync(children, options.OptunaTrials, redis.Port);
        Print(Line(optunaRedis));

        var ratios = new List<string>();
        if (optunaRedis.Unavailable is null)
            ratios.Add($"sweep-redis / optuna-redis = {Ratio(run.TrialsPerSecond / optunaRedis.TrialsPerSecond)}");
        ratios.Add($"sweep-redis / optuna-sqlite = {Ratio(run.TrialsPerSecond / optunaSqlite.TrialsPerSecond)}");
        ratios.Add($"sweep-redis / sweep-sqlite = {Ratio(run.TrialsPerSecond / local.TrialsPerSecond)}");
        Print($"ratio         {string.Join("; ", ratios)}");
        Print($"goal          ≥ {Goal:F0} trials/s through Redis with 8 workers: "
            + (workers == 8 ? run.TrialsPerSecond >= Goal ? "met" : "missed" : $"not measured ({workers} workers)"));
    }

    private static string Line(OptunaFigures figures) => figures.Unavailable is { } reason
        ? $"optuna-{figures.Storage,-7}unavailable ({reason}): Optuna on SQLite only"
        : $"optuna-{figures.Storage,-7}{figures.Trials} trivial trials (RandomSampler, one process) in "
            + $"{figures.Elapsed.TotalSeconds:F2} s → {figures.TrialsPerSecond:F1} trials/s";

    private static string Ratio(double ratio) => ratio >= 10 ? $"{ratio:F1}×" : $"{ratio:F2}×";

    private static void Print(string line) => Console.WriteLine("throughput " + line);
}
