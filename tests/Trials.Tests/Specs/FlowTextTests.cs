using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Specs;

public class FlowTextTests
{
    [Fact]
    public void Format_WritesEachKindAsSpecFilesDo()
    {
        Assert.Equal("0.001", FlowText.Format(0.001));
        Assert.Equal("1E-05", FlowText.Format(1e-5));
        Assert.Equal("64", FlowText.Format(64));
        Assert.Equal("5000000000", FlowText.Format(5_000_000_000L));
        Assert.Equal("true", FlowText.Format(true));
        Assert.Equal("leaky_relu", FlowText.Format(Activation.LeakyRelu));
        Assert.Equal("fashion-mnist", FlowText.Format(DatasetKind.FashionMnist));
        Assert.Equal("[256, 128]", FlowText.Format(new[] { 256, 128 }));
        Assert.Equal("[]", FlowText.Format(Array.Empty<string>()));
        Assert.Equal("null", FlowText.Format(null));
        Assert.Equal("\"null\"", FlowText.Format("null"));
        Assert.Equal("\"a: b\"", FlowText.Format("a: b"));
        Assert.Equal("runs/a/model.bin", FlowText.Format("runs/a/model.bin"));
    }

    [Theory]
    [InlineData("training.lr", 0.1 + 0.2)]
    [InlineData("model.dropout", 1.0 / 3)]
    [InlineData("training.weight_decay", 5e-324)]
    public void Format_OfDoubles_BindsBackToTheSameValue(string path, double value)
    {
        var change = SpecOverride.FromSearch(path, FlowText.Format(value), 1);

        var spec = TrialSpecReader.ReadText("name: x", "t.yaml", FakePresets.None, [change]);

        Assert.Equal(value, SpecPaths.ValueAt(spec, path));
    }

    [Fact]
    public void Format_OfTextNeedingQuotes_BindsBackToTheSameText()
    {
        var spec = TrialSpecReader.ReadText("name: x", "t.yaml", FakePresets.None,
            [SpecOverride.FromSearch("model.pretrained", FlowText.Format("C:\\runs \"a\"/m.bin"), 1)]);

        Assert.Equal("C:\\runs \"a\"/m.bin", spec.Model.Pretrained);
    }
}
