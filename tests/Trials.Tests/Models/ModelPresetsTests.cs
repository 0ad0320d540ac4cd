using Sweep.Trials.Models;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Models;

public sealed class ModelPresetsTests
{
    [Fact]
    public void Named_ReturnsThePresetWithItsNameRecorded()
    {
        var spec = ModelPresets.Named("three-block-4-8-16", "spec.yaml");

        Assert.Equal("three-block-4-8-16", spec.Preset);
        Assert.Equal([4, 8, 16], Enumerable.Range(0, spec.ConvBlocks).Select(block => ModelPlanner.BlockChannels(spec, block)));
    }

    [Fact]
    public void Named_UnknownPreset_IsRejectedListingEveryName()
    {
        var error = Assert.Throws<SpecException>(() => ModelPresets.Named("resnet50", "sweep.yaml"));

        Assert.Equal("model.preset", error.Field);
        Assert.Equal("sweep.yaml", error.File);
        Assert.All(ModelPresets.Names, name => Assert.Contains(name, error.Problem));
    }

    [Fact]
    public void Names_ListsTheDocumentedPresets() =>
        Assert.Equal(
            ["two-conv", "two-conv-wide", "two-conv-deep", "two-conv-dropout", "two-conv-bn", "three-block-4-8-16", "small-100k", "mlp"],
            ModelPresets.Names);
}
