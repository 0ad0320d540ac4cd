using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using static Sweep.Trials.Tests.Models.ModelTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models;

public sealed class ModelBuilderTests
{
    public static TheoryData<string> PresetNames => [.. ModelPresets.Names];

    public static TheoryData<Activation, bool, double, double> Variants()
    {
        var variants = new TheoryData<Activation, bool, double, double>();
        foreach (var activation in Enum.GetValues<Activation>())
            foreach (var batchNorm in new[] { false, true })
                foreach (var dropout in new[] { 0.0, 0.3 })
                    variants.Add(activation, batchNorm, dropout, dropout / 2);
        return variants;
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Build_Preset_HasThePlannedParameterCountAndOutputShape(string preset)
    {
        var plan = PlanFashionMnist(ModelPresets.Named(preset, TestSpecFile));
        using var module = Build(plan, seed: 1);
        using var images = Images(2);

        Assert.Equal(plan.Parameters, module.parameters().Sum(parameter => parameter.numel()));
        using var output = module.forward(images);
        Assert.Equal([2L, 10L], output.shape);
    }

    [Fact]
    public void Build_NonSquareColourInputAndMlpWithBatchNorm_HaveThePlannedParameterCounts()
    {
        var plans = new[]
        {
            ModelPlanner.Plan(Tiny with { ConvBlocks = 3, Growth = 1.7, KernelSize = 5, Padding = 2, BatchNorm = true }, 3, 32, 24, 7, TestSpecFile),
            PlanFashionMnist(new ModelSpec { Kind = ModelKind.Mlp, BatchNorm = true, Hidden = [40, 20] }),
        };

        foreach (var plan in plans)
        {
            using var module = Build(plan, seed: 1);
            Assert.Equal(plan.Parameters, module.parameters().Sum(parameter => parameter.numel()));
        }
    }

    [Fact]
    public void Build_ParameterNames_FollowThePlannedLayerNames()
    {
        var plan = PlanFashionMnist(Tiny with { BatchNorm = true });
        using var module = Build(plan, seed: 1);

        Assert.Equal(
            ["block1.conv1.weight", "block1.bn1.weight", "block1.bn1.bias", "block2.conv1.weight", "block2.bn1.weight",
             "block2.bn1.bias", "head.fc1.weight", "head.fc1.bias", "head.out.weight", "head.out.bias"],
            module.named_parameters().Select(entry => entry.name));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Forward_EveryActivationNormAndDropoutVariant_GivesOneRowOfScoresPerImage(
        Activation activation, bool batchNorm, double dropout, double dropout2d)
    {
        var plan = PlanFashionMnist(Tiny with { Activation = activation, BatchNorm = batchNorm, Dropout = dropout, Dropout2d = dropout2d });
        using var module = Build(plan, seed: 3);
        using var images = Images(3);

        using var output = module.forward(images);

        Assert.Equal([3L, 10L], output.shape);
        Assert.False(output.isnan().any().item<bool>());
    }

    [Fact]
    public void Build_DifferentSeeds_GiveDifferentWeights()
    {
        var plan = PlanFashionMnist(Tiny);
        using var first = Build(plan, seed: 42);
        using var second = Build(plan, seed: 43);

        Assert.False(IdenticalWeights(first, second));
    }

    [Fact]
    public void Build_Weights_FillPyTorchsDefaultUniformRange()
    {
        using var module = Build(PlanFashionMnist(Tiny), seed: 5);
        var parameters = module.named_parameters().ToDictionary(entry => entry.name, entry => entry.parameter);

        // head.fc1 reads 8 channels of 7×7: fan_in 392, so weight and bias lie in ±1/√392.
        var bound = 1 / Math.Sqrt(392);
        var weights = parameters["head.fc1.weight"];
        Assert.InRange(weights.abs().max().item<float>(), 0.99 * bound, bound);
        Assert.InRange(weights.mean().item<float>(), -0.03 * bound, 0.03 * bound);
        Assert.InRange(parameters["head.fc1.bias"].abs().max().item<float>(), 0.5 * bound, bound);
    }

    [Fact]
    public void Train_SameGeneratorSeed_DrawsIdenticalDropoutMasks()
    {
        var plan = PlanFashionMnist(Tiny with { Dropout = 0.5, Dropout2d = 0.5 });
        using var images = Images(4);

        Assert.True(Identical(ForwardWithSeed(plan, images, 7), ForwardWithSeed(plan, images, 7)));
        Assert.False(Identical(ForwardWithSeed(plan, images, 7), ForwardWithSeed(plan, images, 8)));
    }

    /// <summary>Same initial weights every time; only the generator state used for the dropout masks varies.</summary>
    private static Tensor ForwardWithSeed(ModelPlan plan, Tensor images, long dropoutSeed)
    {
        using var generator = new Generator(11);
        using var module = ModelBuilder.Build(plan, generator);
        generator.manual_seed(dropoutSeed);
        module.train();
        return module.forward(images);
    }

    [Fact]
    public void Eval_DisablesDropout()
    {
        var plan = PlanFashionMnist(Tiny with { Dropout = 0.5, Dropout2d = 0.5 });
        using var module = Build(plan, seed: 3);
        using var images = Images(4);

        module.train();
        Assert.False(Identical(module.forward(images), module.forward(images)));
        module.eval();
        Assert.True(Identical(module.forward(images), module.forward(images)));
    }

    [Fact]
    public void SeededDropout_ZeroesOrScalesEachValue()
    {
        using var dropout = new SeededDropout(0.25, channelwise: false, new Generator(1));
        using var output = dropout.forward(ones(1000));

        var values = output.data<float>().ToArray();
        Assert.All(values, value => Assert.Contains(value, new[] { 0f, 1 / 0.75f }));
        Assert.InRange(values.Count(value => value == 0), 180, 320);
    }

    [Fact]
    public void SeededDropout_Channelwise_ZeroesWholeFeatureMaps()
    {
        using var dropout = new SeededDropout(0.5, channelwise: true, new Generator(1));
        using var output = dropout.forward(ones(8, 16, 5, 5));

        using var perMapMinimum = output.amin(2, 3);
        using var perMapMaximum = output.amax(2, 3);
        Assert.True(Identical(perMapMinimum, perMapMaximum));
        Assert.True(perMapMinimum.eq(0).any().item<bool>());
        Assert.True(perMapMinimum.eq(2).any().item<bool>());
    }
}
