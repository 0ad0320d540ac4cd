using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Scheduling;

public class SyntheticTrialExecutorTests
{
    private static TrialAssignment Assignment(int epochs = 4, double secondsPerEpoch = 0, long seed = 5,
        int recordedEpochs = 0) =>
        new(Plan(0), new TrialSpec
        {
            Seed = seed,
            Kind = TrialKind.Synthetic,
            Training = new TrainingSpec { Epochs = epochs },
            Synthetic = new SyntheticSpec { SecondsPerEpoch = secondsPerEpoch },
        }, 1, "/specs/synthetic.yaml", recordedEpochs, []);

    private static readonly TrialRunOptions Options = new(1, 0, null, "/specs/synthetic.yaml", null);

    private sealed class StopAt(int stopEpoch) : ITrialObserver
    {
        public List<int> Seen { get; } = [];

        public EpochDecision OnEpoch(EpochMetrics metrics)
        {
            Seen.Add(metrics.Epoch);
            return metrics.Epoch == stopEpoch ? EpochDecision.Stop : EpochDecision.Continue;
        }
    }

    private static TrialResult Run(TrialAssignment assignment, ITrialObserver observer,
        CancellationToken cancellation = default) =>
        new SyntheticTrialExecutor(TimeProvider.System).Run(assignment, Options, observer, cancellation);

    [Fact]
    public void Run_ReportsEveryEpochOfTheCurve_AndKeepsTheBest()
    {
        var observer = new StopAt(0);
        var assignment = Assignment();

        var result = Run(assignment, observer);

        var curve = Enumerable.Range(1, 4).Select(epoch => SyntheticCurve.At(assignment.Spec, epoch)).ToList();
        Assert.Equal((TrialOutcome.Completed, (int?)null), (result.Outcome, result.StoppedAtEpoch));
        Assert.Equal([1, 2, 3, 4], observer.Seen);
        Assert.Equal(curve, result.Epochs);
        Assert.Equal(curve.Max(e => e.ValAccuracy), result.BestObjective);
        Assert.Equal(curve.MaxBy(e => e.ValAccuracy)!.Epoch, result.BestEpoch);
    }

    [Fact]
    public void Run_AfterRecordedEpochs_ReplaysTheLastOne_ThenContinues_WithTheUninterruptedResult()
    {
        var uninterrupted = Run(Assignment(), new StopAt(0));
        var observer = new StopAt(0);

        var resumed = Run(Assignment(recordedEpochs: 2), observer);

        Assert.Equal([2, 3, 4], observer.Seen);
        Assert.Equal(uninterrupted.Epochs, resumed.Epochs);
        Assert.Equal((uninterrupted.BestEpoch, uninterrupted.BestObjective), (resumed.BestEpoch, resumed.BestObjective));
    }

    [Fact]
    public void Run_StoppedAtTheReplayedEpoch_EndsThereWithoutGoingOn()
    {
        var observer = new StopAt(2);

        var resumed = Run(Assignment(recordedEpochs: 2), observer);

        Assert.Equal([2], observer.Seen);
        Assert.Equal((TrialOutcome.Pruned, 2), (resumed.Outcome, resumed.StoppedAtEpoch));
    }

    [Fact]
    public void Run_WhenTheObserverSaysStop_EndsPrunedAtThatEpoch()
    {
        var result = Run(Assignment(), new StopAt(2));

        Assert.Equal((TrialOutcome.Pruned, (int?)2, 2), (result.Outcome, result.StoppedAtEpoch, result.Epochs.Count));
    }

    [Fact]
    public void Run_StoppedBeforeAnEpochEnds_IsCancelledWithNothingReported()
    {
        var observer = new StopAt(0);

        var result = Run(Assignment(secondsPerEpoch: 3600), observer, new CancellationToken(canceled: true));

        Assert.Equal((TrialOutcome.Cancelled, (int?)0), (result.Outcome, result.StoppedAtEpoch));
        Assert.Empty(observer.Seen);
        Assert.Empty(result.Epochs);
    }

    [Fact]
    public void Curve_DependsOnTheSeedOnlyThroughItsNoise()
    {
        var one = SyntheticCurve.At(Assignment(seed: 1).Spec, 3);
        var other = SyntheticCurve.At(Assignment(seed: 2).Spec, 3);

        Assert.Equal(one, SyntheticCurve.At(Assignment(seed: 1).Spec, 3));
        Assert.NotEqual(one.ValAccuracy, other.ValAccuracy);
        Assert.InRange(Math.Abs(one.ValAccuracy - other.ValAccuracy), 0, 0.004);
        Assert.Equal(one.TrainAccuracy, other.TrainAccuracy);
    }
}
