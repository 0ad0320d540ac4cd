using Sweep.Trials.Data;
using Sweep.Trials.Specs;
using static Sweep.Trials.Tests.Models.ModelTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests;

/// <summary>Tests that seed and read torch's process-wide generator. Any test drawing from it at the same time
/// would change what these read, so they run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalGeneratorCollection
{
    public const string Name = "Global torch generator";
}

[Collection(GlobalGeneratorCollection.Name)]
public sealed class GlobalGeneratorTests
{
    [Fact]
    public void ModelBuild_SameSeed_GivesIdenticalWeightsWhateverTheGlobalRng()
    {
        var plan = PlanFashionMnist(Tiny);

        manual_seed(1);
        using var first = Build(plan, seed: 42);
        manual_seed(2);
        using var second = Build(plan, seed: 42);

        Assert.True(IdenticalWeights(first, second));
    }

    [Fact]
    public void Augmenter_DoesNotTouchTheGlobalGenerator()
    {
        using var batch = rand([4, 1, 8, 8], generator: new Generator(5));
        var augmenter = new Augmenter(
            new AugmentationSpec { HorizontalFlip = true, CropPadding = 2, RotationDegrees = 15, TranslateFraction = 0.1, Brightness = 0.3, Contrast = 0.3 },
            [0.5f], [0.25f]);
        manual_seed(9);
        using var expected = rand(5);
        manual_seed(9);

        using var augmented = augmenter.Apply(batch, new Generator(1));
        using var drawn = rand(5);

        Assert.True(expected.Equals(drawn));
    }
}
