using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Specs;

public class SpecPathsTests
{
    [Theory]
    [InlineData("name")]
    [InlineData("seed")]
    [InlineData("training.lr")]
    [InlineData("training.backbone_lr")]
    [InlineData("model.hidden")]
    [InlineData("model.preset")]
    [InlineData("dataset.augmentation.horizontal_flip")]
    [InlineData("objective.metric")]
    public void All_HoldsLeafPaths(string path) => Assert.Contains(path, SpecPaths.All);

    [Theory]
    [InlineData("training")]
    [InlineData("dataset.augmentation")]
    [InlineData("dataset.augmentation.any")]
    public void All_LeavesOutSectionsAndComputedProperties(string path) => Assert.DoesNotContain(path, SpecPaths.All);

    [Fact]
    public void All_FollowsDeclarationOrderWithoutDuplicates()
    {
        Assert.Equal(["name", "seed", "dataset.name"], SpecPaths.All.Take(3));
        Assert.Equal(SpecPaths.All.Count, SpecPaths.All.Distinct().Count());
    }

    [Fact]
    public void TypeAt_OfAnOptionalNumber_IsTheNumbersSoItsRangesDrawNumbers() =>
        Assert.Equal(typeof(double), SpecPaths.TypeAt("training.backbone_lr"));

    [Theory]
    [InlineData("training.lerning_rate", "training.lr")]
    [InlineData("training.learning_rate", "training.lr")]
    [InlineData("model.hiden", "model.hidden")]
    [InlineData("dataset.augmentation.flip", "dataset.augmentation.horizontal_flip")]
    [InlineData("model.batchnorm", "model.batch_norm")]
    [InlineData("trainng.epochs", "training.epochs")]
    public void Nearest_FindsTheIntendedPath(string written, string expected) =>
        Assert.Equal(expected, SpecPaths.Nearest(written));

    [Fact]
    public void ValueAt_ReadsTheEffectiveValue()
    {
        var spec = new TrialSpec { Training = new TrainingSpec { Lr = 0.5 } };

        Assert.Equal(0.5, SpecPaths.ValueAt(spec, "training.lr"));
        Assert.Equal(Activation.Relu, SpecPaths.ValueAt(spec, "model.activation"));
        Assert.Equal(typeof(IReadOnlyList<int>), SpecPaths.TypeAt("model.hidden"));
    }
}
