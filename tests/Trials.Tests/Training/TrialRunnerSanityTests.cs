using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerSanityTests : RunDirectoryTests
{
    [Fact]
    public void ResizedAndCroppedInput_TrainsTheModelAtTheCroppedSize()
    {
        var tiny = Tiny(seed: 53, epochs: 1, trainSubset: 200, testSubset: 50);
        var spec = tiny with { Dataset = tiny.Dataset with { Resize = 36, Crop = 32 } };

        var result = Train(spec);

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        Assert.Equal([4, 32, 32], result.Model!.Layers[0].OutputShape);
        Assert.NotNull(result.Test);
    }

    [Fact]
    public void PretrainedWeightsWithAReplacedHead_AreNotExpectedAtChance()
    {
        var source = Tiny(seed: 51, epochs: 2);
        var sourceDirectory = RunDirectory("source");
        Train(source, runDirectory: sourceDirectory);
        var transfer = Tiny(seed: 52, epochs: 1) with
        {
            Model = source.Model with { Pretrained = Path.Combine(sourceDirectory, TrialRunner.BestModelFileName), ReplaceHead = true },
        };

        var sanity = Assert.IsType<SanityChecks>(Train(transfer).Sanity);

        Assert.Null(sanity.ExpectedInitialLoss);
        Assert.Null(sanity.ExpectedInitialAccuracy);
        Assert.True(double.IsFinite(sanity.InitialLoss));
    }

    [Fact]
    public void UntrainedNet_StartsNearChanceLossAndAccuracy()
    {
        var sanity = Assert.IsType<SanityChecks>(Train(Tiny(epochs: 1)).Sanity);

        Assert.Equal(Math.Log(10), sanity.ExpectedInitialLoss!.Value, 12);
        Assert.InRange(sanity.InitialLoss, Math.Log(10) - 0.3, Math.Log(10) + 0.3);
        Assert.Equal(0.1, sanity.ExpectedInitialAccuracy!.Value, 12);
        Assert.InRange(sanity.InitialAccuracy, 0.0, 0.2);
        Assert.Null(sanity.OverfitOneBatchPassed);
    }

    [Fact]
    public void OverfitOneBatch_NormalNetMemorisesOneBatch()
    {
        var spec = Tiny(epochs: 1, trainSubset: 200, testSubset: 100) with
        {
            Model = ModelPresets.Named("two-conv", SpecPath) with { Channels = 16, Hidden = [64] },
            Training = Tiny().Training with { Epochs = 1, Lr = 1e-3, OverfitOneBatch = true },
        };

        var sanity = Assert.IsType<SanityChecks>(Train(spec, threads: 2).Sanity);

        Assert.True(sanity.OverfitOneBatchPassed);
        Assert.InRange(sanity.OverfitOneBatchEpochs ?? 0, 1, 100);
    }
}
