using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Tests.Storage;

internal static class StoreTestData
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static SweepRecord NewSweep(string id = "sweep-1") =>
        new(id, "lr study", "/specs/lr.yaml", "name: lr study\nsearch:\n  strategy: ofat\n", "Ofat", "hash-42",
            new DateTimeOffset(2026, 3, 1, 14, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567),
            new RunSettings("/data/fashion", Slots: 2, ThreadsPerSlot: 1, Device: "cpu: AMD EPYC 7B13"));

    public static PlannedTrial Plan(int index, params ParameterChange[] changes) =>
        new(index, changes, Repeat: index % 2, Seed: 1000 + index, ConfigKey: $"config-{index / 2}", Round: 0,
            Role: changes.Length == 0 ? "baseline" : "single-change");

    public static IReadOnlyList<PlannedTrial> Plans(int count) =>
        Enumerable.Range(0, count)
            .Select(index => Plan(index, new ParameterChange("training.lr", $"0.{index + 1}", "0.001")))
            .ToList();

    public static readonly StopDecision Goes = StopDecision.Continue("kept");

    public static EpochMetrics Epoch(int epoch, double valLoss = 0.5, double valAccuracy = 0.8) =>
        new(epoch, TrainLoss: 0.4 + epoch, TrainAccuracy: 0.85, ValLoss: valLoss, ValAccuracy: valAccuracy,
            LearningRate: 1e-3, Seconds: 2.5, SamplesPerSecond: 1800);

    public static TrialResult Result(TrialOutcome outcome = TrialOutcome.Completed, params EpochMetrics[] epochs) =>
        new(outcome, epochs.Length == 0 ? [Epoch(1), Epoch(2, 0.4, 0.85)] : epochs, BestEpoch: 2,
            BestObjective: 0.85, Test: null, Sanity: null, Model: null,
            Environment: new RunEnvironment("0.107.0", "2.10.0", "cpu", 2, "host-a"), Seconds: 12.5, StoppedAtEpoch: null,
            Message: null);

    /// <summary>A result with every optional part filled in and the non-finite numbers a diverged run produces.</summary>
    public static TrialResult DivergedResult() =>
        new(TrialOutcome.Diverged,
            [Epoch(1, 2.3, 0.1), Epoch(2, double.NaN, 0.1) with { TrainLoss = double.PositiveInfinity }],
            BestEpoch: 1,
            BestObjective: 0.1,
            Test: new TestMetrics(0.1, double.NaN, double.NegativeInfinity, ["T-shirt", "Trouser"],
                [new ClassMetrics("T-shirt", 0.5, 1.0, 0.667, 10), new ClassMetrics("Trouser", 0, 0, double.NaN, 10)],
                [[10, 0], [10, 0]],
                [new MisclassifiedImage(7, 1, 0, 1, 2, 2, [0, 127, 128, 255])]),
            Sanity: new SanityChecks(2.31, 2.302585, 0.1, 0.1, OverfitOneBatchPassed: true, OverfitOneBatchEpochs: 40),
            Model: new ModelSummary(1000, 0, [new LayerShape("conv1", "Conv2d", [32, 28, 28], 320)]),
            Environment: new RunEnvironment("0.107.0", "2.10.0", "cpu", 2, "host-a"),
            Seconds: 3.25,
            StoppedAtEpoch: 2,
            Message: "validation loss became NaN at epoch 2");
}
