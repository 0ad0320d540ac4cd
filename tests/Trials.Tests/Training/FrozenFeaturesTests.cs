using Sweep.Trials.Data;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using TorchSharp.PyBridge;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Training;

/// <summary>A trial whose first stages are frozen runs them once per trial instead of once per batch, and gives the
/// numbers of the trial that runs every batch through the whole network.</summary>
[Collection(TrainingCollection.Name)]
public sealed class FrozenFeaturesTests : RunDirectoryTests
{
    private static readonly ModelSpec SmallResNet = new() { Kind = ModelKind.Resnet, Depth = 18, Stem = ResNetStem.Small };

    private TrialSpec FineTuning(string[] trainable, AugmentationSpec? augmentation = null)
    {
        var pretrained = Path.Combine(Directory.CreateDirectory(RunDirectory("source")).FullName, "resnet18.pth");
        if (!File.Exists(pretrained))
            using (var source = ModelBuilder.Build(ModelPlanner.Plan(SmallResNet, 1, 28, 28, 10, SpecPath), new Generator(7)))
                source.save_py(pretrained);
        var tiny = Tiny(seed: 47, epochs: 2, trainSubset: 120, testSubset: 40);
        return tiny with
        {
            Dataset = tiny.Dataset with { Augmentation = augmentation ?? new AugmentationSpec() },
            Model = SmallResNet with { Pretrained = pretrained, Trainable = trainable },
        };
    }

    [Theory]
    [InlineData("layer4", "fc")]
    [InlineData("fc")]
    public void FineTuning_GivesTheNumbersOfRunningEveryBatchThroughTheWholeNetwork(params string[] trainable)
    {
        var spec = FineTuning(trainable);

        var computedOnce = Train(spec, threads: 2);
        var everyBatch = Train(spec, threads: 2, runner: new TrialRunner(frozenFeatureBytes: 0));

        Assert.Equal(TrialOutcome.Completed, computedOnce.Outcome);
        AssertSameNumbers(everyBatch, computedOnce);
    }

    [Fact]
    public void FineTuningResumedAfterAnEpoch_EndsWithTheUninterruptedNumbers()
    {
        var spec = FineTuning(["layer4", "fc"]);
        var uninterrupted = Train(spec, threads: 2, runDirectory: RunDirectory("uninterrupted"));
        var directory = RunDirectory("interrupted");
        TrainCancellingAfter(1, spec, directory, threads: 2);

        var resumed = Train(spec, threads: 2, runDirectory: directory);

        AssertSameNumbers(uninterrupted, resumed);
    }

    [Fact]
    public void Compute_KeepsTheFrozenStagesOutputsAndLeavesAugmentedTrainingImagesToEachBatch()
    {
        var (model, data, subset) = Prepared(FineTuning(["layer4", "fc"]));
        using var _ = model;
        using var __ = subset;
        var resizer = new InputResizer(0, 0);

        using var plain = FrozenFeatures.Compute(model, data, subset, resizer, augmented: false, CPU);
        using var augmented = FrozenFeatures.Compute(model, data, subset, resizer, augmented: true, CPU);

        Assert.NotNull(plain);
        Assert.Equal(4, plain.FixedStages);
        Assert.Equal([data.TrainLabels.shape[0], 256, 7, 7], plain.Train!.shape);
        Assert.Equal([data.ValLabels.shape[0], 256, 7, 7], plain.Validation.shape);
        model.eval();
        using (no_grad())
        {
            var stages = ModelStages.Of(model);
            using var expected = ModelStages.RunTo(stages, 4, data.ValImages.narrow(0, 0, 5));
            Assert.True(plain.Validation.narrow(0, 0, 5).allclose(expected, rtol: 0, atol: 1e-6));
            using var logits = model.call(data.ValImages.narrow(0, 0, 5));
            Assert.True(plain.Forward(plain.Validation.narrow(0, 0, 5)).allclose(logits, rtol: 0, atol: 1e-5));
        }
        Assert.NotNull(augmented);
        Assert.Null(augmented.Train);
    }

    [Fact]
    public void Compute_WithinTooSmallABudget_OrWithNothingFrozen_KeepsNothing()
    {
        var (model, data, subset) = Prepared(FineTuning(["layer4", "fc"]));
        using var _ = model;
        using var __ = subset;
        var resizer = new InputResizer(0, 0);
        var validationBytes = (data.ValLabels.shape[0] + subset.Labels.shape[0]) * 256 * 7 * 7 * sizeof(float);

        using var evaluationOnly = FrozenFeatures.Compute(model, data, subset, resizer, false, CPU, mostBytes: validationBytes);
        Assert.NotNull(evaluationOnly);
        Assert.Null(evaluationOnly.Train);
        Assert.Null(FrozenFeatures.Compute(model, data, subset, resizer, false, CPU, mostBytes: validationBytes - 1));

        foreach (var parameter in model.parameters())
            parameter.requires_grad = true;
        Assert.Null(FrozenFeatures.Compute(model, data, subset, resizer, false, CPU));
    }

    private static (nn.Module<Tensor, Tensor> Model, PreparedDataset Data, TrainingEvaluationSubset Subset) Prepared(TrialSpec spec)
    {
        var data = DatasetCache.Get(spec.Dataset with { Normalize = InputNormalization.Of(spec) }, null, SpecPath);
        var plan = ModelPlanner.Plan(spec.Model, data.Channels, data.Height, data.Width, data.ClassNames.Count, SpecPath);
        var model = ModelBuilder.Build(plan, new Generator(1));
        TransferLearning.Apply(model, plan, SpecPath);
        return (model, data, TrainingEvaluationSubset.Draw(data, spec));
    }
}
