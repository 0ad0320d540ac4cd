using Sweep.AshaBench;
using Sweep.Bench;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Scheduling;

// The same 12-trial grid of real trials, in full and with ASHA (grace 1, reduction 3): each run's best validation
// accuracy and the fraction of epochs ASHA trained (goal: best within 0.5 points for ≤ 40% of the epochs).
// One slot with all cores, the default on a CPU machine: trials run in grid order and give the same numbers
// every time, so ASHA's decisions are reproducible.
// Arguments: [work directory] [train subset]; a smaller subset only to try the benchmark out on a busy machine.
var work = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "sweep-asha-bench");
var trainSubset = args.Length > 1 ? int.Parse(args[1]) : AshaSpecs.DefaultTrainSubset;
if (Directory.Exists(work))
    Directory.Delete(work, recursive: true);
var slots = SlotPlan.ForThisMachine(null);
var executor = new TrialExecutorByKind(TimeProvider.System);

var full = await InProcessSweep.RunAsync(AshaSpecs.Grid("asha-bench-full", AshaSpecs.None, trainSubset),
    Path.Combine(work, "full"), slots, executor);
var asha = await InProcessSweep.RunAsync(AshaSpecs.Grid("asha-bench-asha", AshaSpecs.Asha, trainSubset),
    Path.Combine(work, "asha"), slots, executor);

Console.WriteLine($"{"trial",5}  {"change",-34} {"full: best val acc",18}  {"asha: epochs, state",-22} {"asha best",9}");
foreach (var (f, a) in full.Trials.Zip(asha.Trials))
    Console.WriteLine($"{f.Index,5}  {Label(f),-34} {f.Result?.BestObjective,18:P2}  "
        + $"{$"{a.Result?.Epochs.Count}/{AshaSpecs.Epochs} {a.State.ToString().ToLowerInvariant()}",-22} {a.Result?.BestObjective,9:P2}");

var comparison = AshaComparison.Of(full.Trials, asha.Trials);
Console.WriteLine($"full  best val accuracy {comparison.FullBest:P2} with {comparison.FullEpochs} epochs in {full.Wall.TotalSeconds:F0} s");
Console.WriteLine($"asha  best val accuracy {comparison.AshaBest:P2} with {comparison.AshaEpochs} epochs in {asha.Wall.TotalSeconds:F0} s");
var met = comparison.PointsLost <= 0.5 && comparison.EpochFraction <= 0.4;
Console.WriteLine($"asha  lost {comparison.PointsLost:F2} points using {comparison.EpochFraction:P1} of the epochs "
    + $"(goal: ≤ 0.5 points with ≤ 40%: {(met ? "met" : "missed")})");
return 0;

static string Label(TrialRecord trial) =>
    string.Join(", ", trial.Plan.Changes.Select(c => $"{c.Path.Split('.')[^1]}={c.Value}")) is { Length: > 0 } label
        ? label
        : "baseline";
