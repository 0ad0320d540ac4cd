using System.Collections;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Tests.Training;
using TorchSharp.PyBridge;
using Xunit.Abstractions;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models.Torchvision;

/// <summary>A ResNet-18 trained by Sweep, exported as a PyTorch state dict and loaded into torchvision's resnet18 by
/// Debian's PyTorch, gives Sweep's eval logits on the same input to 1e-4.</summary>
[Collection(TrainingCollection.Name)]
public sealed class ExportRoundTripTests(ITestOutputHelper output) : RunDirectoryTests
{
    private const double LogitTolerance = 1e-4;

    [Fact]
    public void TrainedResNet18_ExportedToPyTorch_GivesTheSameLogitsInTorchvision()
    {
        var spec = Tiny(seed: 44, epochs: 1, trainSubset: 80, testSubset: 20) with
        {
            Model = new ModelSpec { Kind = ModelKind.Resnet, Depth = 18, Stem = ResNetStem.Small },
        };
        var runDirectory = RunDirectory("trained");
        Train(spec, threads: 2, runDirectory: runDirectory);
        var best = Path.Combine(runDirectory, "best-model.pt");
        var exported = Path.Combine(runDirectory, "exported.pth");
        var inputs = Path.Combine(runDirectory, "inputs.pth");
        var pytorchLogits = Path.Combine(runDirectory, "pytorch-logits.pth");
        using var scope = NewDisposeScope();
        using (var file = File.Create(exported))
            SweepWeightsExport.ToPyTorch(best, file);
        using var images = randn([4, 1, 28, 28], generator: new Generator(5));
        using (var file = File.Create(inputs))
            PyTorchPickler.PickleStateDict(file, new Dictionary<string, Tensor> { ["images"] = images });

        DebianPython.Run("load_exported_resnet18.py", exported, inputs, "10", pytorchLogits);

        using var model = ModelBuilder.Build(ModelPlanner.Plan(spec.Model, 1, 28, 28, 10, SpecPath), new Generator(1));
        model.load(best);
        model.eval();
        using var noGrad = no_grad();
        var sweepLogits = model.call(images);
        using var stream = File.OpenRead(pytorchLogits);
        var torchvisionLogits = (Tensor)PyTorchUnpickler.UnpickleStateDict(stream).Cast<DictionaryEntry>()
            .Single(entry => (string)entry.Key == "logits").Value!;
        Assert.Equal(sweepLogits.shape, torchvisionLogits.shape);
        var difference = sweepLogits.to_type(ScalarType.Float64).sub(torchvisionLogits.to_type(ScalarType.Float64))
            .abs().max().item<double>();
        output.WriteLine($"logits: max |Sweep − PyTorch| = {difference:E2} (largest |logit| "
            + $"{sweepLogits.abs().max().item<float>():E2})");
        Assert.InRange(difference, 0, LogitTolerance);
    }
}
