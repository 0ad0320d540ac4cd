using Sweep.Trials.Specs;
using static Sweep.Trials.Tests.Specs.SpecAssert;

namespace Sweep.Trials.Tests.Specs;

public sealed class PretrainedNamesTests
{
    [Theory]
    [InlineData("torchvision:resnet18", "resnet18-f37072fd.pth", 18, "f37072fd")]
    [InlineData("torchvision:resnet34", "resnet34-b627a593.pth", 34, "b627a593")]
    [InlineData("torchvision:resnet50", "resnet50-0676ba61.pth", 50, "0676ba61")]
    public void KnownNames_AreTorchvisionsImageNetV1Files(string name, string file, int depth, string hashPrefix)
    {
        var weights = PretrainedNames.Find(name)!;

        Assert.Equal((file, ModelKind.Resnet, depth, hashPrefix), (weights.FileName, weights.Kind, weights.Depth, weights.HashPrefix));
    }

    [Theory]
    [InlineData("weights/best-model.pt", false)]
    [InlineData("/abs/resnet18.pth", false)]
    [InlineData("torchvision:resnet19", true)]
    [InlineData("hub:resnet18", true)]
    public void IsName_TellsNamesFromPaths(string pretrained, bool isName) =>
        Assert.Equal(isName, PretrainedNames.IsName(pretrained));

    [Fact]
    public void UnknownName_IsRefusedAtItsLineListingTheKnownOnes() =>
        Assert.Equal($"{Yaml}:5: model.pretrained: expected a path or one of torchvision:resnet18, "
            + "torchvision:resnet34, torchvision:resnet50, got 'torchvision:resnet19'",
            Error("name: a\nmodel:\n  kind: resnet\n  depth: 18\n  pretrained: torchvision:resnet19\n"));

    [Fact]
    public void DepthOtherThanTheWeights_IsRefusedAtTheDepthLine() =>
        Assert.Equal($"{Yaml}:4: model.depth: torchvision:resnet18 fits model.kind resnet with model.depth 18, got model.depth 34",
            Error("name: a\nmodel:\n  kind: resnet\n  depth: 34\n  pretrained: torchvision:resnet18\n"));

    [Fact]
    public void KindOtherThanTheWeights_IsRefusedAtTheModelSection() =>
        Assert.Equal($"{Yaml}:3: model.kind: torchvision:resnet50 fits model.kind resnet with model.depth 50, got model.kind cnn",
            Error("name: a\nmodel:\n  pretrained: torchvision:resnet50\n"));

    [Fact]
    public void MatchingModel_Reads()
    {
        var spec = Read("name: a\ndataset:\n  channels: 3\nmodel:\n  kind: resnet\n  depth: 50\n  pretrained: torchvision:resnet50\n  download: true\n");

        Assert.Equal(("torchvision:resnet50", true), (spec.Model.Pretrained, spec.Model.Download));
    }
}
