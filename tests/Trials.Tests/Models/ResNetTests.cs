using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using static Sweep.Trials.Tests.Models.ModelTestKit;
using static Sweep.Trials.Tests.Specs.SpecAssert;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models;

public sealed class ResNetTests
{
    private static readonly ModelSpec ResNet18 = new() { Kind = ModelKind.Resnet, Depth = 18 };

    private static int[] ShapeOf(ModelPlan plan, string layerName) => plan.Layers.Single(layer => layer.Name == layerName).OutputShape;

    private static ModelPlan PlanImageNet(ModelSpec spec) => ModelPlanner.Plan(spec, 3, 224, 224, 1000, TestSpecFile);

    [Theory]
    [InlineData(18, 11_689_512)]
    [InlineData(34, 21_797_672)]
    [InlineData(50, 25_557_032)]
    public void ParameterCounts_OfPlanAndModule_AreTorchvisions(int depth, long parameters)
    {
        var plan = PlanImageNet(ResNet18 with { Depth = depth });
        using var module = Build(plan, seed: 1);

        Assert.Equal(parameters, plan.Parameters);
        Assert.Equal(parameters, module.parameters().Sum(parameter => parameter.numel()));
        Assert.Equal(parameters, ModelSummaries.Summarize(plan, module).Layers.Sum(layer => layer.Parameters));
    }

    [Fact]
    public void ImageNetStem_ShrinksByFourBeforeTheBlocksAndBy32Overall()
    {
        var plan = PlanImageNet(ResNet18 with { Depth = 50 });

        Assert.Equal([64, 112, 112], ShapeOf(plan, "conv1"));
        Assert.Equal([64, 56, 56], ShapeOf(plan, "maxpool"));
        Assert.Equal([256, 56, 56], ShapeOf(plan, "layer1.0.relu"));
        Assert.Equal([256, 56, 56], ShapeOf(plan, "layer1.0.downsample.1"));
        Assert.Equal([128, 28, 28], ShapeOf(plan, "layer2.0.conv2")); // the stride is on the 3×3 (v1.5)
        Assert.Equal([2048, 7, 7], ShapeOf(plan, "layer4.2.relu"));
        Assert.Equal([2048, 1, 1], ShapeOf(plan, "avgpool"));
        Assert.Equal(("fc", "Linear"), (plan.Layers[^1].Name, plan.Layers[^1].Kind));
        Assert.Equal([1000], plan.Layers[^1].OutputShape);
    }

    [Fact]
    public void SmallStem_OnOneChannel28Pixels_KeepsTheMapUntilLayer2AndBuildsThatShape()
    {
        var plan = PlanFashionMnist(ResNet18 with { Stem = ResNetStem.Small });
        using var module = Build(plan, seed: 1);
        using var images = Images(2);

        Assert.Equal([64, 28, 28], ShapeOf(plan, "conv1"));
        Assert.DoesNotContain(plan.Layers, layer => layer.Name == "maxpool");
        Assert.Equal([128, 14, 14], ShapeOf(plan, "layer2.1.relu"));
        Assert.Equal([512, 4, 4], ShapeOf(plan, "layer4.1.relu"));
        Assert.Equal([64L, 1, 3, 3], module.state_dict()["conv1.weight"].shape);
        Assert.Equal([2L, 10], module.call(images).shape);
        Assert.Equal(11_689_512 - 64 * 3 * 7 * 7 + 64 * 1 * 3 * 3 - 513 * 990, plan.Parameters);
    }

    [Fact]
    public void Build_IsDeterminedByTheSeed()
    {
        var plan = PlanFashionMnist(ResNet18 with { Stem = ResNetStem.Small });
        using var first = Build(plan, seed: 5);
        using var again = Build(plan, seed: 5);
        using var other = Build(plan, seed: 6);

        Assert.True(IdenticalWeights(first, again));
        Assert.False(Identical(first.state_dict()["layer3.0.conv1.weight"], other.state_dict()["layer3.0.conv1.weight"]));
    }

    [Fact]
    public void Trainable_StageAndBlock_FreezeEverythingElseInPlanAndModule()
    {
        var plan = PlanFashionMnist(ResNet18 with { Stem = ResNetStem.Small, Trainable = ["layer4.1", "fc"] });
        using var module = Build(plan, seed: 1);
        TransferLearning.Apply(module, plan, TestSpecFile);

        var summary = ModelSummaries.Summarize(plan, module);

        var layer41 = 2 * (512 * 512 * 9 + 2 * 512);
        Assert.Equal(layer41 + 512 * 10 + 10, plan.TrainableParameters);
        Assert.Equal(plan.TrainableParameters, summary.TrainableParameters);
        Assert.Equal(plan.FrozenParameters, summary.FrozenParameters);
        Assert.False(module.named_parameters().Single(entry => entry.name == "layer4.0.conv1.weight").parameter.requires_grad);
        Assert.True(module.named_parameters().Single(entry => entry.name == "layer4.1.bn2.bias").parameter.requires_grad);

        var stage = PlanFashionMnist(ResNet18 with { Stem = ResNetStem.Small, Trainable = ["layer4"] });
        Assert.Equal(plan.Layers.Where(layer => layer.Name.StartsWith("layer4.", StringComparison.Ordinal)).Sum(layer => layer.Parameters),
            stage.TrainableParameters);
    }

    [Fact]
    public void Trainable_UnknownName_IsRejectedListingStagesAndBlocks()
    {
        var error = Assert.Throws<SpecException>(() => PlanFashionMnist(ResNet18 with { Trainable = ["layer5"] }));

        Assert.Equal("model.trainable", error.Field);
        Assert.Equal("no layer with parameters is named 'layer5'; expected one of: conv1, bn1, layer1, layer1.0, "
            + "layer1.1, layer2, layer2.0, layer2.1, layer3, layer3.0, layer3.1, layer4, layer4.0, layer4.1, fc, or a "
            + "layer inside one of these blocks, such as layer1.0.conv1", error.Problem);
    }

    [Fact]
    public void SpecFile_DepthOtherThanTorchvisions_IsRefusedAtItsLine() =>
        Assert.Equal($"{Yaml}:4: model.depth: expected 18, 34 or 50, found 19",
            Error("name: a\nmodel:\n  kind: resnet\n  depth: 19\n"));

    [Fact]
    public void SpecFile_ResNetFields_Bind()
    {
        var model = Read("model:\n  kind: resnet\n  depth: 50\n  stem: small\n").Model;

        Assert.Equal((ModelKind.Resnet, 50, ResNetStem.Small), (model.Kind, model.Depth, model.Stem));
        Assert.Equal($"{Yaml}:1: model.stem: expected one of imagenet, small, found 'tiny'", Error("model: { stem: tiny }"));
    }

    [Fact]
    public void SpecBuiltInCode_WithAnotherDepth_IsRefusedNamingTheField()
    {
        var error = Assert.Throws<SpecException>(() => PlanFashionMnist(ResNet18 with { Depth = 101 }));

        Assert.Equal(("model.depth", "expected 18, 34 or 50, got 101"), (error.Field, error.Problem));
    }
}
