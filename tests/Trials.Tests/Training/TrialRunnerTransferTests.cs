using Sweep.Trials.Checkpoints;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using Sweep.Trials.Training.Optimizers;
using TorchSharp.PyBridge;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerTransferTests : RunDirectoryTests
{
    [Fact]
    public void PretrainedWithOnlyTheNewHeadTrainable_LeavesEveryOtherParameterAsSaved()
    {
        var source = Tiny(seed: 41, epochs: 1);
        var sourceDirectory = RunDirectory("source");
        Train(source, runDirectory: sourceDirectory);
        var pretrained = Path.Combine(sourceDirectory, "best-model.pt");
        var transfer = Tiny(seed: 42, epochs: 1) with
        {
            Model = source.Model with { Pretrained = pretrained, Trainable = [ModelPlan.OutputLayerName], ReplaceHead = true },
        };
        var transferDirectory = RunDirectory("transfer");

        var result = Train(transfer, runDirectory: transferDirectory);

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        using var before = Load(source.Model, pretrained);
        using var after = Load(source.Model, Path.Combine(transferDirectory, "best-model.pt"));
        var afterParameters = after.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in before.named_parameters())
        {
            var unchanged = Tests.Models.ModelTestKit.Identical(parameter, afterParameters[name]);
            Assert.True(unchanged != name.StartsWith(ModelPlan.OutputLayerName + ".", StringComparison.Ordinal), name);
        }
        var summary = Assert.IsType<ModelSummary>(result.Model);
        const long headParameters = 16 * 10 + 10;
        Assert.Equal(headParameters, summary.TrainableParameters);
        Assert.Equal(before.parameters().Sum(p => p.numel()) - headParameters, summary.FrozenParameters);
    }

    [Fact]
    public void ResNetFromAPyTorchStateDict_TrainsOnlyTheNamedStagesAndReportsThem()
    {
        var model = new ModelSpec { Kind = ModelKind.Resnet, Depth = 18, Stem = ResNetStem.Small };
        var pretrained = Path.Combine(Directory.CreateDirectory(RunDirectory("source")).FullName, "resnet18.pth");
        using (var source = ModelBuilder.Build(ModelPlanner.Plan(model, 1, 28, 28, 10, SpecPath), new Generator(7)))
            source.save_py(pretrained);
        var spec = Tiny(seed: 43, epochs: 1, trainSubset: 80, testSubset: 20) with
        {
            Model = model with { Pretrained = pretrained, Trainable = ["layer4.1", "fc"] },
        };

        var result = Train(spec, threads: 2, runDirectory: RunDirectory("resnet"));

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        var summary = Assert.IsType<ModelSummary>(result.Model);
        Assert.Equal(2 * (512 * 512 * 9 + 2 * 512) + 512 * 10 + 10, summary.TrainableParameters);
        Assert.Equal(11_689_512 - 64 * 3 * 7 * 7 + 64 * 3 * 3 - 513 * 990 - summary.TrainableParameters,
            summary.FrozenParameters);
        Assert.Equal([512, 4, 4], summary.Layers.Single(layer => layer.Name == "layer4.1.relu").OutputShape);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ResNetWithFrozenStages_KeepsTheirBatchNormStatisticsWhileTrainableOnesMove(bool resumed)
    {
        var model = new ModelSpec { Kind = ModelKind.Resnet, Depth = 18, Stem = ResNetStem.Small };
        var pretrained = Path.Combine(Directory.CreateDirectory(RunDirectory("source")).FullName, "resnet18.pth");
        using (var source = ModelBuilder.Build(ModelPlanner.Plan(model, 1, 28, 28, 10, SpecPath), new Generator(7)))
            source.save_py(pretrained);
        var spec = Tiny(seed: 44, epochs: 2, trainSubset: 80, testSubset: 20) with
        {
            Model = model with { Pretrained = pretrained, Trainable = ["layer4", "fc"] },
        };
        var runDirectory = RunDirectory("resnet");
        if (resumed)
            TrainCancellingAfter(1, spec, runDirectory, threads: 2);

        Assert.Equal(TrialOutcome.Completed, Train(spec, threads: 2, runDirectory: runDirectory).Outcome);

        using var before = ModelBuilder.Build(ModelPlanner.Plan(model, 1, 28, 28, 10, SpecPath), new Generator(1));
        before.load_py(pretrained);
        using var after = LastCheckpointed(spec, runDirectory);
        var afterBuffers = after.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        var statistics = before.named_buffers().ToList();
        Assert.Contains(statistics, b => b.name == "layer1.0.bn1.num_batches_tracked");
        foreach (var (name, buffer) in statistics)
        {
            var unchanged = Tests.Models.ModelTestKit.Identical(buffer, afterBuffers[name]);
            Assert.True(unchanged != name.StartsWith("layer4.", StringComparison.Ordinal), name);
        }
    }

    [Fact]
    public void ResNetWithFrozenStem_KeepsEveryFrozenWeightAndStatisticBitIdenticalAfterAnEpoch()
    {
        var model = new ModelSpec { Kind = ModelKind.Resnet, Depth = 18, Stem = ResNetStem.Small };
        var pretrained = Path.Combine(Directory.CreateDirectory(RunDirectory("source")).FullName, "resnet18.pth");
        using (var source = ModelBuilder.Build(ModelPlanner.Plan(model, 1, 28, 28, 10, SpecPath), new Generator(7)))
            source.save_py(pretrained);
        var spec = Tiny(seed: 46, epochs: 1, trainSubset: 80, testSubset: 20) with
        {
            Model = model with { Pretrained = pretrained, Freeze = ["conv1", "bn1", "layer1"] },
        };

        var result = Train(spec, threads: 2, runDirectory: RunDirectory("resnet"));

        var summary = Assert.IsType<ModelSummary>(result.Model);
        Assert.Equal(64 * 9 + 2 * 64 + 4 * (64 * 64 * 9 + 2 * 64), summary.FrozenParameters);
        using var before = ModelBuilder.Build(ModelPlanner.Plan(model, 1, 28, 28, 10, SpecPath), new Generator(1));
        before.load_py(pretrained);
        using var after = ModelBuilder.Build(ModelPlanner.Plan(model, 1, 28, 28, 10, SpecPath), new Generator(1));
        after.load(Path.Combine(RunDirectory("resnet"), TrialRunner.BestModelFileName));
        var afterState = after.state_dict();
        foreach (var (name, value) in before.state_dict())
        {
            var frozen = name.StartsWith("conv1.", StringComparison.Ordinal) || name.StartsWith("bn1.", StringComparison.Ordinal)
                || name.StartsWith("layer1.", StringComparison.Ordinal);
            Assert.True(Tests.Models.ModelTestKit.Identical(value, afterState[name]) == frozen, name);
        }
    }

    [Fact]
    public void BackboneLr_TrainsDifferentlyFromOneRateAndResumesToTheUninterruptedNumbers()
    {
        var tiny = Tiny(seed: 45, epochs: 3, trainSubset: 200, testSubset: 100);
        var spec = tiny with
        {
            Training = tiny.Training with { BackboneLr = 0.0003, Schedule = ScheduleKind.Cosine, WarmupSteps = 3 },
        };
        var uninterrupted = Train(spec, runDirectory: RunDirectory("uninterrupted"));
        var resumedDirectory = RunDirectory("resumed");
        TrainCancellingAfter(1, spec, resumedDirectory);

        var resumed = Train(spec, runDirectory: resumedDirectory);
        var oneRate = Train(spec with { Training = spec.Training with { BackboneLr = null } });

        AssertSameNumbers(uninterrupted, resumed);
        Assert.Equal(oneRate.Epochs.Select(e => e.LearningRate), uninterrupted.Epochs.Select(e => e.LearningRate));
        Assert.NotEqual(oneRate.Epochs[0].TrainLoss, uninterrupted.Epochs[0].TrainLoss);
    }

    private static nn.Module<Tensor, Tensor> LastCheckpointed(TrialSpec spec, string runDirectory)
    {
        var plan = ModelPlanner.Plan(spec.Model, 1, 28, 28, 10, SpecPath);
        var module = ModelBuilder.Build(plan, new Generator(1));
        TransferLearning.Apply(module, plan, SpecPath);
        using var optimizer = OptimizerFactory.Create(spec.Training, module.parameters().Where(p => p.requires_grad));
        var load = new CheckpointStore(CheckpointStore.DirectoryIn(runDirectory))
            .LoadLatest(module, optimizer, TrialIdentity.Of(spec), null);
        Assert.Equal(2, load.Checkpoint?.Epoch);
        return module;
    }

    private static nn.Module<Tensor, Tensor> Load(ModelSpec spec, string path)
    {
        var module = ModelBuilder.Build(ModelPlanner.Plan(spec, 1, 28, 28, 10, SpecPath), new Generator(1));
        module.load(path);
        return module;
    }
}
