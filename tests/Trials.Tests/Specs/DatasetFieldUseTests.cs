using static Sweep.Trials.Tests.Specs.SpecAssert;

namespace Sweep.Trials.Tests.Specs;

/// <summary>A dataset field written for a kind of dataset that never reads it is refused at its line rather than
/// silently ignored.</summary>
public class DatasetFieldUseTests
{
    [Theory]
    [InlineData("dataset:\n  name: fashion-mnist\n  image_size: 64\n", 3,
        "dataset.image_size: expected no image_size for dataset fashion-mnist: its files hold 28 px images; dataset.resize changes their size")]
    [InlineData("dataset:\n  name: cifar10\n  image_size: 64\n", 3,
        "dataset.image_size: expected no image_size for dataset cifar10: its files hold 32 px images; dataset.resize changes their size")]
    [InlineData("dataset:\n  name: mnist\n  test_fraction: 0.1\n", 3,
        "dataset.test_fraction: expected no test_fraction for dataset mnist: its files hold their own test split, of which dataset.test_subset takes a part")]
    [InlineData("dataset:\n  name: image-folder\n  path: pets\n  download: true\n", 4,
        "dataset.download: expected no download for dataset image-folder: an image folder is never downloaded; dataset.path names it")]
    public void FieldTheDatasetDoesNotRead_IsRefusedAtItsLine(string yaml, int line, string expected) =>
        Assert.Equal($"{Yaml}:{line}: {expected}", Error(yaml));

    [Fact]
    public void FieldsTheDatasetReads_AreAccepted()
    {
        var spec = Read("dataset:\n  name: image-folder\n  path: pets\n  image_size: 64\n  test_fraction: 0.1\n");

        Assert.Equal((64, 0.1), (spec.Dataset.ImageSize, spec.Dataset.TestFraction));
    }
}
