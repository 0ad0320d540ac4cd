using Sweep.Bench;
using Sweep.OrchestrationOverheadBench;
using Sweep.Orchestrator.Scheduling;

// (a) N zero-second synthetic trials on S slots through the real grain and SQLite store, against Optuna's trivial
//     trials with SQLite storage (goal: ≥ 10× Optuna's trials/s).
// (b) M one-second trials on S slots: makespan against the ideal M × 1 s / S (goal: within 2%).
if (!BenchArguments.TryParse(() => BenchOptions.Parse(args), o => o.WorkDirectory, out var options, out var exitCode))
    return exitCode;

var slots = new SlotPlan(options.Slots, 1);
var executor = new SyntheticTrialExecutor(TimeProvider.System);
var zero = SweepRunFigures.From(await InProcessSweep.RunAsync(SyntheticSweeps.Random("overhead-zero", options.Trials, 1, 0),
    Path.Combine(options.WorkDirectory, "zero"), slots, executor), options.Slots, 0);
Console.WriteLine($"sweep   zero-second trials: {zero.Completed}/{zero.Trials} completed on {zero.Slots} slots in "
    + $"{zero.Span.TotalSeconds:F2} s (wall with silo start {zero.Wall.TotalSeconds:F2} s) → "
    + $"{zero.TrialsPerSecond:F0} trials/s, overhead {zero.OverheadPerTrial.TotalMilliseconds:F2} ms of slot time per trial");

var optuna = await OptunaPeer.RunAsync(options.OptunaTrials, Path.Combine(options.WorkDirectory, "optuna"), "random");
Console.WriteLine($"optuna  trivial trials (SQLite, RandomSampler): {optuna.Trials} in {optuna.Elapsed.TotalSeconds:F2} s → "
    + $"{optuna.TrialsPerSecond:F1} trials/s");
var tpe = await OptunaPeer.RunAsync(options.OptunaTrials, Path.Combine(options.WorkDirectory, "optuna-tpe"), "tpe");
Console.WriteLine($"optuna  trivial trials (SQLite, default TPE sampler): {tpe.Trials} in {tpe.Elapsed.TotalSeconds:F2} s → "
    + $"{tpe.TrialsPerSecond:F1} trials/s");
var ratio = zero.TrialsPerSecond / optuna.TrialsPerSecond;
Console.WriteLine($"ratio   sweep random / optuna random trials/s = {ratio:F1}× (goal ≥ 10×: {(ratio >= 10 ? "met" : "missed")}); "
    + $"against TPE {zero.TrialsPerSecond / tpe.TrialsPerSecond:F1}×");

var oneSecond = SweepRunFigures.From(await InProcessSweep.RunAsync(
    SyntheticSweeps.Random("overhead-one-second", options.OneSecondTrials, 1, 1),
    Path.Combine(options.WorkDirectory, "one-second"), slots, executor), options.Slots, 1);
Console.WriteLine($"sweep   one-second trials: {oneSecond.Completed}/{oneSecond.Trials} on {oneSecond.Slots} slots: "
    + $"makespan {oneSecond.Span.TotalSeconds:F2} s vs ideal {oneSecond.Ideal.TotalSeconds:F0} s → "
    + $"overhead {oneSecond.SpanOverheadPercent:F2}% (goal ≤ 2%: {(oneSecond.SpanOverheadPercent <= 2 ? "met" : "missed")}); "
    + $"wall with silo start {oneSecond.Wall.TotalSeconds:F2} s → {oneSecond.WallOverheadPercent:F2}%");
return 0;
