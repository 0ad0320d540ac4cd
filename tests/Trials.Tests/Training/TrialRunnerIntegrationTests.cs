using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerIntegrationTests
{
    /// <summary>The acceptance bar of the training loop: a two-conv net (16 and 32 channels, a hidden layer of 64),
    /// one epoch of Adam on 4,000 real training images, already separates the ten classes well on test images.</summary>
    [Fact]
    public void OneEpochOnFiveThousandRealImages_ReachesSeventyPercentTestAccuracyAndMacroF1()
    {
        var spec = new TrialSpec
        {
            Seed = 7,
            Dataset = new DatasetSpec { TrainSubset = 5000, TestSubset = 1000, SplitSeed = 3 },
            Model = ModelPresets.Named("two-conv", SpecPath) with { Channels = 16, Hidden = [64] },
            Training = new TrainingSpec { Epochs = 1, BatchSize = 64, Optimizer = OptimizerKind.Adam, Lr = 1e-3 },
        };

        var result = Train(spec, threads: 2);

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        Assert.Equal(1, result.BestEpoch);
        var test = Assert.IsType<TestMetrics>(result.Test);
        Assert.InRange(test.Accuracy, 0.70, 1.0);
        Assert.InRange(test.MacroF1, 0.70, 1.0);
        Assert.Equal(1000, test.ConfusionMatrix.Sum(row => row.Sum()));
        Assert.All(test.ConfusionMatrix, row => Assert.Equal(100, row.Sum()));
        Assert.InRange(result.Epochs[0].ValAccuracy, 0.70, 1.0);
    }
}
