using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using static Sweep.Trials.Tests.Models.ModelTestKit;

namespace Sweep.Trials.Tests.Models;

public sealed class ModelPlannerTests
{
    private static int[] ShapeOf(ModelPlan plan, string layerName) => plan.Layers.Single(layer => layer.Name == layerName).OutputShape;

    [Fact]
    public void Plan_PaddedConvsAndPooling_GrowChannelsAndHalveMaps()
    {
        var plan = PlanFashionMnist(new ModelSpec { ConvBlocks = 3, Channels = 8, Growth = 1.5, KernelSize = 5, Padding = 2 });

        Assert.Equal([8, 28, 28], ShapeOf(plan, "block1.conv1"));
        Assert.Equal([8, 14, 14], ShapeOf(plan, "block1.pool"));
        Assert.Equal([12, 7, 7], ShapeOf(plan, "block2.pool"));
        Assert.Equal([18, 7, 7], ShapeOf(plan, "block3.conv1"));
        Assert.Equal([18, 3, 3], ShapeOf(plan, "block3.pool"));
        Assert.Equal([162], ShapeOf(plan, "flatten"));
        Assert.Equal(162, plan.Layers.OfType<LinearLayerPlan>().First().InFeatures);
    }

    [Fact]
    public void Plan_StridedDilatedConvsWithoutPooling_FollowTheConvFormula()
    {
        var plan = ModelPlanner.Plan(new ModelSpec { ConvBlocks = 3, Channels = 2, Growth = 1, Stride = 2, Dilation = 2, Pool = false },
            3, 28, 20, 10, TestSpecFile);

        Assert.Equal([2, 13, 9], ShapeOf(plan, "block1.conv1")); // (28+2−4−1)/2+1, (20+2−4−1)/2+1
        Assert.Equal([2, 6, 4], ShapeOf(plan, "block2.conv1"));
        Assert.Equal([2, 2, 1], ShapeOf(plan, "block3.conv1"));
        Assert.Equal(3 * 2 * 9 + 2, plan.Layers.Single(layer => layer.Name == "block1.conv1").Parameters);
    }

    [Fact]
    public void Plan_TooManyPooledBlocks_IsRejectedNamingTheCollapsingPool()
    {
        var error = Assert.Throws<SpecException>(() => PlanFashionMnist(new ModelSpec { ConvBlocks = 7, Channels = 2, Growth = 1 }));

        Assert.Equal("model.conv_blocks", error.Field);
        Assert.StartsWith("block 5 max-pool: feature map 1×1 → 0×0; reduce model.conv_blocks or turn off model.pool", error.Problem);
        Assert.StartsWith("spec.yaml: model.conv_blocks: block 5 max-pool", error.Message);
    }

    [Fact]
    public void Plan_KernelLargerThanTheMap_IsRejectedNamingTheCollapsingConv()
    {
        var spec = new ModelSpec { ConvBlocks = 2, Channels = 2, KernelSize = 7, Padding = 0, Pool = false };

        var error = Assert.Throws<SpecException>(() => ModelPlanner.Plan(spec, 1, 8, 8, 10, TestSpecFile));

        Assert.Equal("model.kernel_size", error.Field);
        Assert.StartsWith("block 2 conv 1: feature map 2×2 → 0×0", error.Problem);
    }

    [Theory]
    [InlineData("model.conv_blocks")]
    [InlineData("model.dropout")]
    [InlineData("model.hidden[1]")]
    [InlineData("model.replace_head")]
    public void Plan_OutOfRangeField_IsRejectedNamingTheField(string field)
    {
        var spec = field switch
        {
            "model.conv_blocks" => new ModelSpec { ConvBlocks = 8 },
            "model.dropout" => new ModelSpec { Dropout = 1.0 },
            "model.hidden[1]" => new ModelSpec { Hidden = [64, 0] },
            _ => new ModelSpec { ReplaceHead = true },
        };

        Assert.Equal(field, Assert.Throws<SpecException>(() => PlanFashionMnist(spec)).Field);
    }

    [Fact]
    public void Plan_Mlp_IgnoresConvSettingsAndAddsBatchNormToHiddenLayers()
    {
        var plan = PlanFashionMnist(new ModelSpec { Kind = ModelKind.Mlp, ConvBlocks = 99, BatchNorm = true, Hidden = [64, 32], Dropout = 0.1 });

        Assert.Equal(
            ["flatten", "head.drop1", "head.fc1", "head.bn1", "head.act1", "head.drop2", "head.fc2", "head.bn2", "head.act2", "head.drop_out", "head.out"],
            plan.Layers.Select(layer => layer.Name));
        Assert.Equal(784 * 64 + 64 + 128 + 64 * 32 + 32 + 64 + 32 * 10 + 10, plan.Parameters);
    }

    [Fact]
    public void Plan_BlockLayers_AreNamedAndOrderedConvNormActivationPoolDropout()
    {
        var plan = PlanFashionMnist(new ModelSpec { ConvBlocks = 1, ConvsPerBlock = 2, BatchNorm = true, Dropout2d = 0.2, Hidden = [] });

        Assert.Equal(
            ["block1.conv1", "block1.bn1", "block1.act1", "block1.conv2", "block1.bn2", "block1.act2", "block1.pool", "block1.drop", "flatten", "head.out"],
            plan.Layers.Select(layer => layer.Name));
        Assert.All(plan.Layers.OfType<ConvLayerPlan>(), conv => Assert.False(conv.Bias));
    }

    [Fact]
    public void Plan_TwoConvPreset_HasThePyTorchParameterCount()
    {
        // PyTorch 1.13: sum(p.numel()) of Conv2d(1,32,3,padding=1), MaxPool2d(2), Conv2d(32,64,3,padding=1),
        // MaxPool2d(2), Linear(3136,128), Linear(128,10) is 421,642.
        Assert.Equal(421_642, PlanFashionMnist(ModelPresets.Named("two-conv", TestSpecFile)).Parameters);
    }

    [Fact]
    public void Plan_Small100kPreset_StaysUnder100kParameters()
    {
        // PyTorch 1.13 counts 77,786 for the same layers (convs without bias before BatchNorm).
        var parameters = PlanFashionMnist(ModelPresets.Named("small-100k", TestSpecFile)).Parameters;

        Assert.True(parameters < 100_000);
        Assert.Equal(77_786, parameters);
    }

    [Fact]
    public void Plan_Trainable_FreezesEveryOtherLayer()
    {
        var plan = PlanFashionMnist(Tiny with { Trainable = ["block2", "head.out"] });

        Assert.Equal(["block2.conv1", "head.out"], plan.Layers.Where(layer => layer.Parameters > 0 && !layer.Frozen).Select(layer => layer.Name));
        Assert.Equal(plan.Parameters, plan.TrainableParameters + plan.FrozenParameters);
        Assert.True(plan.FrozenParameters > 0);
    }

    [Fact]
    public void Plan_UnknownTrainableLayer_IsRejectedListingValidNames()
    {
        var error = Assert.Throws<SpecException>(() => PlanFashionMnist(Tiny with { Trainable = ["block9.conv1"] }));

        Assert.Equal("model.trainable", error.Field);
        Assert.Contains("'block9.conv1'", error.Problem);
        Assert.Contains("block1.conv1", error.Problem);
        Assert.Contains("head.out", error.Problem);
    }
}
