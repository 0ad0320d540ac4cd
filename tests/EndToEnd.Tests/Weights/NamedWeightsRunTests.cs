using Sweep.EndToEnd.Tests.Hostile;

namespace Sweep.EndToEnd.Tests.Weights;

/// <summary>Named weights as the program meets them: an unknown name at its line when the spec is read, and weights
/// missing from the model cache before any trial starts, saying which file to put where.</summary>
public sealed class NamedWeightsRunTests
{
    private static string Spec(string pretrained, int depth) => $$"""
        name: e2e-named-weights
        dataset: { name: fashion-mnist, channels: 3, train_subset: 100, test_subset: 50 }
        model:
          kind: resnet
          depth: {{depth}}
          stem: small
          pretrained: {{pretrained}}
          replace_head: true
        training: { epochs: 1 }
        search:
          strategy: ofat
          parameters:
            training.lr: [0.003]
        """;

    [Fact]
    public async Task Validate_UnknownName_NamesTheLineAndTheKnownNames()
    {
        var work = TestSpecs.NewWorkDirectory("named");
        var spec = TestSpecs.Write(work, "named.yaml", Spec("torchvision:resnet19", 18));

        var run = await SweepProgram.RunAsync(work, "validate", spec);

        Assert.Equal($"{spec}:7: model.pretrained: expected a path or one of torchvision:resnet18, torchvision:resnet34, "
            + "torchvision:resnet50, got 'torchvision:resnet19'", Refusals.AssertOneLine(run));
    }

    [Fact]
    public async Task Run_WeightsNotInTheCache_SaysWhichFileToPutWhereBeforeAnyTrial()
    {
        var work = TestSpecs.NewWorkDirectory("named");
        var spec = TestSpecs.Write(work, "named.yaml", Spec("torchvision:resnet18", 18));
        var cache = Path.Combine(work, "models");

        var run = await SweepProgram.RunAsync(work, ["run", spec, "--out", "runs", "--slots", "1"],
            new Dictionary<string, string> { ["SWEEP_MODELS"] = cache });

        Assert.Equal($"{spec}: model.pretrained: torchvision:resnet18 expects the file resnet18-f37072fd.pth at "
            + $"{Path.Combine(cache, "resnet18-f37072fd.pth")}, which is missing; download "
            + "https://download.pytorch.org/models/resnet18-f37072fd.pth there, or set model.download: true (the folder "
            + "is $SWEEP_MODELS, else $XDG_CACHE_HOME/sweep/models, else ~/.cache/sweep/models)",
            Refusals.AssertEndsWithOneErrorLine(run));
        Assert.False(Directory.Exists(cache));
    }
}
