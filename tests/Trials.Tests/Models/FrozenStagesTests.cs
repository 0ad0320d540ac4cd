using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using static Sweep.Trials.Tests.Models.ModelTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models;

public sealed class FrozenStagesTests
{
    private static nn.Module<Tensor, Tensor> Frozen(ModelSpec spec)
    {
        var plan = ModelPlanner.Plan(spec, 1, 28, 28, 10, TestSpecFile);
        var model = Build(plan, 5);
        TransferLearning.Apply(model, plan, TestSpecFile);
        return model;
    }

    [Fact]
    public void ResNetTrainingItsLastBlock_HasTheStemAndFirstThreeBlocksFixed()
    {
        using var model = Frozen(new ModelSpec { Kind = ModelKind.Resnet, Depth = 18, Stem = ResNetStem.Small, Trainable = ["layer4", "fc"] });
        var stages = ModelStages.Of(model);

        Assert.Equal(["stem", "layer1", "layer2", "layer3", "layer4", "avgpool", "fc"], stages.Select(s => s.Name));
        Assert.Equal(4, FrozenStages.Leading(stages));
    }

    [Fact]
    public void ResNetTrainingOnlyItsHead_HasEverythingBeforeTheHeadFixed()
    {
        using var model = Frozen(new ModelSpec { Kind = ModelKind.Resnet, Depth = 18, Stem = ResNetStem.Small, Trainable = ["fc"] });

        Assert.Equal(6, FrozenStages.Leading(ModelStages.Of(model)));
    }

    [Fact]
    public void CnnWithItsFirstBlockFrozen_HasThatBlockFixed_UnlessItDropsOut()
    {
        var spec = Tiny with { Freeze = ["block1"] };
        using var plain = Frozen(spec);
        using var droppingOut = Frozen(spec with { Dropout2d = 0.1 });

        Assert.Equal(1, FrozenStages.Leading(ModelStages.Of(plain)));
        Assert.Equal(0, FrozenStages.Leading(ModelStages.Of(droppingOut)));
    }

    [Fact]
    public void NothingFrozen_HasNothingFixed()
    {
        using var model = Frozen(Tiny);

        Assert.Equal(0, FrozenStages.Leading(ModelStages.Of(model)));
    }

    [Theory]
    [InlineData(ModelKind.Cnn)]
    [InlineData(ModelKind.Resnet)]
    public void StagesRunInOrder_AreTheNetworksForwardPass(ModelKind kind)
    {
        using var model = Frozen(kind == ModelKind.Cnn ? Tiny : new ModelSpec { Kind = kind, Depth = 18, Stem = ResNetStem.Small });
        model.eval();
        using var images = Images(4);
        var stages = ModelStages.Of(model);

        using var whole = model.call(images);
        using var split = ModelStages.RunFrom(stages, 2, ModelStages.RunTo(stages, 2, images));

        Assert.True(Identical(whole, split));
    }
}
