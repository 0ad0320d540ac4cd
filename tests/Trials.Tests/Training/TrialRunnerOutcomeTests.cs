using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

/// <summary>How a trial ends when it does not simply run all its epochs.</summary>
[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerOutcomeTests
{
    [Fact]
    public void HugeLearningRate_DivergesWithoutThrowing()
    {
        var spec = Tiny(epochs: 3) with
        {
            Training = Tiny().Training with { Epochs = 3, Optimizer = OptimizerKind.Sgd, Lr = 1e6 },
        };

        var result = Train(spec);

        Assert.Equal(TrialOutcome.Diverged, result.Outcome);
        Assert.NotNull(result.StoppedAtEpoch);
        Assert.Equal(result.Epochs[^1].Epoch, result.StoppedAtEpoch);
        Assert.False(double.IsFinite(result.Epochs[^1].TrainLoss) && double.IsFinite(result.Epochs[^1].ValLoss));
        Assert.Contains("loss became", result.Message);
        Assert.Null(result.Test);
    }

    /// <summary>A fast learning rate on 240 images overfits within a few epochs, so validation loss stops improving.</summary>
    [Fact]
    public void ValidationLossStopsImproving_StopsEarlyAndKeepsTheBestEpochByTheObjective()
    {
        const int patience = 2;
        var spec = Tiny(seed: 4, epochs: 20, trainSubset: 300, testSubset: 200) with
        {
            Training = Tiny().Training with { Epochs = 20, Lr = 0.02, Patience = patience },
            Objective = new ObjectiveSpec { Metric = ObjectiveMetric.ValAccuracy, Mode = ObjectiveMode.Max },
        };

        var result = Train(spec);

        Assert.Equal(TrialOutcome.EarlyStopped, result.Outcome);
        var stoppedAt = Assert.IsType<int>(result.StoppedAtEpoch);
        Assert.True(stoppedAt < spec.Training.Epochs);
        Assert.Equal(stoppedAt, result.Epochs.Count);
        var lowestLossBefore = result.Epochs.SkipLast(patience).Min(e => e.ValLoss);
        Assert.All(result.Epochs.TakeLast(patience), e => Assert.True(e.ValLoss >= lowestLossBefore));
        var best = result.Epochs.First(e => e.ValAccuracy == result.Epochs.Max(m => m.ValAccuracy));
        Assert.Equal(best.Epoch, result.BestEpoch);
        Assert.Equal(best.ValAccuracy, result.BestObjective);
        Assert.NotNull(result.Test);
    }

    [Fact]
    public void ObserverStopsAfterEpochOne_IsPrunedAndTestsTheBestEpoch()
    {
        var observer = new EpochRecorder(_ => EpochDecision.Stop);

        var result = Train(Tiny(epochs: 3), observer: observer);

        Assert.Equal(TrialOutcome.Pruned, result.Outcome);
        Assert.Equal(1, result.StoppedAtEpoch);
        Assert.Single(observer.Epochs);
        Assert.Single(result.Epochs);
        Assert.Equal(1, result.BestEpoch);
        var test = Assert.IsType<TestMetrics>(result.Test);
        Assert.Equal(300, test.ConfusionMatrix.Sum(row => row.Sum()));
    }
}
