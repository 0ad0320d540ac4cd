using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using static Sweep.Trials.Tests.Models.ModelTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models;

public sealed class TransferLearningTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sweep-models-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string SaveTrained(ModelSpec spec, ulong seed)
    {
        var path = Path.Combine(directory, $"weights-{seed}.dat");
        using var module = Build(PlanFashionMnist(spec), seed);
        module.save(path);
        return path;
    }

    private static nn.Module<Tensor, Tensor> BuildAndApply(ModelPlan plan, ulong seed)
    {
        var module = Build(plan, seed);
        TransferLearning.Apply(module, plan, TestSpecFile);
        return module;
    }

    [Fact]
    public void Apply_SavedWeights_RoundTripToIdenticalOutputs()
    {
        var spec = Tiny with { BatchNorm = true, Dropout = 0.2 };
        var path = SaveTrained(spec, seed: 1);
        using var original = Build(PlanFashionMnist(spec), seed: 1);
        using var restored = BuildAndApply(PlanFashionMnist(spec with { Pretrained = path }), seed: 2);
        using var images = Images(5);
        original.eval();
        restored.eval();

        Assert.True(Identical(original.forward(images), restored.forward(images)));
    }

    [Fact]
    public void Apply_ReplaceHead_KeepsFeaturesAndGivesAFreshOutputLayerForTheNewClassCount()
    {
        var path = SaveTrained(Tiny, seed: 1);
        using var original = Build(PlanFashionMnist(Tiny), seed: 1);
        var plan = PlanFashionMnist(Tiny with { Pretrained = path, ReplaceHead = true }, classes: 4);
        using var transferred = BuildAndApply(plan, seed: 2);
        using var images = Images(3);

        var originalState = original.state_dict();
        var transferredState = transferred.state_dict();
        Assert.True(Identical(originalState["block2.conv1.weight"], transferredState["block2.conv1.weight"]));
        Assert.True(Identical(originalState["head.fc1.weight"], transferredState["head.fc1.weight"]));
        Assert.Equal([4L, 16L], transferredState["head.out.weight"].shape);
        Assert.Equal([3L, 4L], transferred.forward(images).shape);
    }

    [Fact]
    public void Apply_WeightsOfAnotherClassCountWithoutReplaceHead_IsRejected()
    {
        var path = SaveTrained(Tiny, seed: 1);
        var plan = PlanFashionMnist(Tiny with { Pretrained = path }, classes: 4);
        using var module = Build(plan, seed: 2);

        var error = Assert.Throws<SpecException>(() => TransferLearning.Apply(module, plan, TestSpecFile));

        Assert.Equal("model.pretrained", error.Field);
        Assert.Contains("model.replace_head", error.Problem);
    }

    [Fact]
    public void Apply_WeightsOfADifferentArchitecture_IsRejected()
    {
        var path = SaveTrained(Tiny with { BatchNorm = true }, seed: 1);
        var plan = PlanFashionMnist(Tiny with { Pretrained = path });
        using var module = Build(plan, seed: 2);

        Assert.Equal("model.pretrained", Assert.Throws<SpecException>(() => TransferLearning.Apply(module, plan, TestSpecFile)).Field);
    }

    [Fact]
    public void Apply_FileThatIsNotAStateDict_IsRejected()
    {
        var path = Path.Combine(directory, "notes.txt");
        File.WriteAllText(path, "these are not weights");
        var plan = PlanFashionMnist(Tiny with { Pretrained = path });
        using var module = Build(plan, seed: 2);

        Assert.Equal("model.pretrained", Assert.Throws<SpecException>(() => TransferLearning.Apply(module, plan, TestSpecFile)).Field);
    }

    [Fact]
    public void Apply_MissingWeightsFile_IsRejectedNamingTheFile()
    {
        var path = Path.Combine(directory, "absent.dat");
        var plan = PlanFashionMnist(Tiny with { Pretrained = path });
        using var module = Build(plan, seed: 2);

        var error = Assert.Throws<SpecException>(() => TransferLearning.Apply(module, plan, TestSpecFile));

        Assert.Equal("model.pretrained", error.Field);
        Assert.Contains(path, error.Problem);
    }

    [Fact]
    public void Apply_RelativeWeightsPath_IsReadBesideTheSpecFileNotTheWorkingDirectory()
    {
        var saved = SaveTrained(Tiny, seed: 3);
        var specFile = Path.Combine(directory, "sweeps", "finetune.yaml");
        var plan = PlanFashionMnist(Tiny with { Pretrained = Path.Combine("..", Path.GetFileName(saved)) });
        using var expected = Build(PlanFashionMnist(Tiny), seed: 3);
        using var module = Build(plan, seed: 4);

        TransferLearning.Apply(module, plan, specFile);

        Assert.NotEqual(directory, Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory()));
        Assert.True(IdenticalWeights(expected, module));
    }

    [Fact]
    public void Preflight_MissingWeightsFile_IsOneSpecErrorBeforeAnyTrial_NamedWeightsAside()
    {
        var specFile = Path.Combine(directory, "finetune.yaml");
        var present = SaveTrained(Tiny, seed: 5);

        PretrainedWeightsPreflight.Check([Tiny with { Pretrained = present }, Tiny], specFile);
        var error = Assert.Throws<SpecException>(() =>
            PretrainedWeightsPreflight.Check([Tiny with { Pretrained = present }, Tiny with { Pretrained = "absent.pth" }], specFile));

        Assert.Equal("model.pretrained", error.Field);
        Assert.Equal(specFile, error.File);
        Assert.Contains(Path.Combine(directory, "absent.pth"), error.Problem);
    }

    [Fact]
    public void OptimizerStep_LeavesFrozenWeightsUnchanged()
    {
        var plan = PlanFashionMnist(Tiny with { Trainable = ["head.fc1", "head.out"] });
        using var module = BuildAndApply(plan, seed: 1);
        var before = module.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.clone());
        using var optimizer = optim.Adam(module.parameters(), lr: 0.01, weight_decay: 0.1);
        using var images = Images(8);
        using var labels = arange(8);

        optimizer.zero_grad();
        nn.functional.cross_entropy(module.forward(images), labels).backward();
        optimizer.step();

        var after = module.state_dict();
        Assert.True(Identical(before["block1.conv1.weight"], after["block1.conv1.weight"]));
        Assert.True(Identical(before["block2.conv1.bias"], after["block2.conv1.bias"]));
        Assert.False(Identical(before["head.fc1.weight"], after["head.fc1.weight"]));
        Assert.False(Identical(before["head.out.bias"], after["head.out.bias"]));
    }

    [Fact]
    public void Summarize_CountsFrozenAndTrainableParametersOfTheModule()
    {
        var path = SaveTrained(Tiny, seed: 1);
        var plan = PlanFashionMnist(Tiny with { Pretrained = path, ReplaceHead = true, Trainable = ["head.fc1"] }, classes: 4);
        using var module = BuildAndApply(plan, seed: 2);

        var summary = ModelSummaries.Summarize(plan, module);

        var headParameters = (392 * 16 + 16) + (16 * 4 + 4);
        Assert.Equal(headParameters, summary.TrainableParameters);
        Assert.Equal(plan.Parameters - headParameters, summary.FrozenParameters);
        Assert.Equal(plan.TrainableParameters, summary.TrainableParameters);
        Assert.Equal(plan.Layers.Select(layer => layer.Name), summary.Layers.Select(layer => layer.Name));
        var outputLayer = summary.Layers.Single(layer => layer.Name == "head.out");
        Assert.Equal(("Linear", 68L), (outputLayer.Kind, outputLayer.Parameters));
        Assert.Equal([4], outputLayer.OutputShape);
    }

    [Fact]
    public void Freeze_FreezesTheNamedLayersAndTrainsTheComplementOfTrainable()
    {
        var path = SaveTrained(Tiny, seed: 1);
        var frozen = PlanFashionMnist(Tiny with { Pretrained = path, Freeze = ["block1", "block2.conv1"] });
        var trainable = PlanFashionMnist(Tiny with { Pretrained = path, Trainable = ["head"] });

        Assert.Equal(trainable.Layers.Select(layer => layer.Frozen), frozen.Layers.Select(layer => layer.Frozen));
        Assert.Equal(4 * 9 + 4 + 8 * 4 * 9 + 8, frozen.FrozenParameters);
        using var module = BuildAndApply(frozen, seed: 2);
        Assert.Equal(frozen.FrozenParameters, ModelSummaries.Summarize(frozen, module).FrozenParameters);
    }

    [Fact]
    public void Freeze_OfAReplacedHead_IsRefused()
    {
        var spec = new ModelSpec { Kind = ModelKind.Resnet, Pretrained = "weights.pth", ReplaceHead = true, Freeze = ["layer1", "fc"] };

        var error = Assert.Throws<SpecException>(() => ModelPlanner.Plan(spec, 3, 32, 32, 2, TestSpecFile));

        Assert.Equal("model.freeze", error.Field);
        Assert.Equal("expected layers other than the replaced head, found 'fc', which holds fc; a fresh head always trains",
            error.Problem);
    }

    [Fact]
    public void Freeze_UnknownLayer_IsRefusedWithTheValidNames()
    {
        var spec = new ModelSpec { Kind = ModelKind.Resnet, Pretrained = "weights.pth", Freeze = ["layer5"] };

        var error = Assert.Throws<SpecException>(() => ModelPlanner.Plan(spec, 3, 32, 32, 2, TestSpecFile));

        Assert.Equal("model.freeze", error.Field);
        Assert.StartsWith("no layer with parameters is named 'layer5'; expected one of: conv1, bn1, layer1, layer1.0,", error.Problem);
    }

    [Fact]
    public void TrainingStep_LeavesAFrozenBatchNormsStatisticsAndWeightsAsTheyWere()
    {
        var spec = Tiny with { BatchNorm = true };
        var path = SaveTrained(spec, seed: 1);
        var plan = PlanFashionMnist(spec with { Pretrained = path, Freeze = ["block1"] });
        using var module = BuildAndApply(plan, seed: 2);
        var before = module.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.clone());
        using var optimizer = optim.SGD(module.parameters().Where(p => p.requires_grad), 0.1);
        using var images = Images(8);
        using var labels = arange(8);

        FrozenBatchNorm.TrainKeepingFrozenStatistics(module);
        nn.functional.cross_entropy(module.forward(images), labels).backward();
        optimizer.step();

        var after = module.state_dict();
        foreach (var name in before.Keys)
            Assert.True(Identical(before[name], after[name]) == name.StartsWith("block1.", StringComparison.Ordinal), name);
    }
}
