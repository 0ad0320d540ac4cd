using Sweep.Trials.Data;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

/// <summary>Training loss and accuracy measured in eval mode on a fixed subset, beside the running mean.</summary>
[Collection(TrainingCollection.Name)]
public sealed class TrainingEvaluationTests
{
    [Fact]
    public void EvalModeFigures_DifferFromTheRunningMean_WithDropoutOn()
    {
        var spec = Tiny(seed: 5, epochs: 2) with { Model = Tiny().Model with { Dropout = 0.5, Dropout2d = 0.2 } };

        var result = Train(spec);

        Assert.All(result.Epochs, epoch =>
        {
            Assert.NotNull(epoch.TrainEvalAccuracy);
            Assert.NotNull(epoch.TrainEvalLoss);
            Assert.NotEqual(epoch.TrainAccuracy, epoch.TrainEvalAccuracy!.Value);
            Assert.NotEqual(epoch.TrainLoss, epoch.TrainEvalLoss!.Value);
        });
    }

    [Fact]
    public void EvalPass_LeavesTheTrainingNumbersAsTheyWere()
    {
        var spec = Tiny(seed: 9, epochs: 2).WithDropoutAndAugmentation();

        var full = Train(spec);
        var single = Train(spec with { Training = spec.Training with { TrainEvalSize = 1 } });

        Assert.Equal(full.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy, e.ValLoss, e.ValAccuracy)),
            single.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy, e.ValLoss, e.ValAccuracy)));
        Assert.All(single.Epochs, e => Assert.True(e.TrainEvalAccuracy is 0 or 1));
    }

    [Fact]
    public void Subset_IsTheSameForEveryEpochAndTrial_AndAsLargeAsTheValidationSplit()
    {
        var spec = Tiny();
        var data = DatasetCache.Get(spec.Dataset, null, SpecPath);

        using var first = TrainingEvaluationSubset.Draw(data, spec);
        using var otherTrial = TrainingEvaluationSubset.Draw(data, spec with { Seed = 99 });
        using var otherSplit = TrainingEvaluationSubset.Draw(data, spec with { Dataset = spec.Dataset with { SplitSeed = 4 } });
        using var sized = TrainingEvaluationSubset.Draw(data, spec with { Training = spec.Training with { TrainEvalSize = 50 } });

        var indices = first.Indices.data<long>().ToArray();
        Assert.Equal(data.ValLabels.shape[0], indices.Length);
        Assert.Equal(indices.Order(), indices);
        Assert.Equal(indices.Length, indices.Distinct().Count());
        Assert.Equal(indices, otherTrial.Indices.data<long>().ToArray());
        Assert.NotEqual(indices, otherSplit.Indices.data<long>().ToArray());
        Assert.Equal(50, sized.Indices.shape[0]);
        Assert.Equal(data.TrainLabels.index_select(0, first.Indices).data<long>().ToArray(),
            first.Labels.data<long>().ToArray());
    }
}
