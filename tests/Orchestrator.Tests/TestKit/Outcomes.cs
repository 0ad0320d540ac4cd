using Sweep.Orchestrator.Contracts;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Tests.TestKit;

/// <summary>What a worker slot would report, with the numbers chosen by the test.</summary>
internal static class Outcomes
{
    public static EpochMetrics Epoch(int epoch, double valAccuracy) =>
        new(epoch, TrainLoss: 0.5, TrainAccuracy: valAccuracy, ValLoss: 1 - valAccuracy, ValAccuracy: valAccuracy,
            LearningRate: 1e-3, Seconds: 1, SamplesPerSecond: 1000);

    public static TrialResult Result(double bestObjective, TrialOutcome outcome = TrialOutcome.Completed,
        double seconds = 10, string host = "host-a") =>
        new(outcome, [Epoch(1, bestObjective)], BestEpoch: 1, bestObjective, Test: null, Sanity: null, Model: null,
            new RunEnvironment("synthetic", "synthetic", "none", 1, host), seconds, StoppedAtEpoch: null,
            Message: null);

    public static TrialFinished Completed(double bestObjective) =>
        new(TrialState.Completed, Result(bestObjective), null);

    /// <summary>What a slot reports for a trial the grain told to stop after <paramref name="epoch"/>.</summary>
    public static TrialFinished PrunedAt(int epoch, double bestObjective) =>
        new(TrialState.Pruned, Result(bestObjective, TrialOutcome.Pruned), $"pruned at epoch {epoch}");

    public static TrialFinished Failed(string message) => new(TrialState.Failed, null, message);
}
