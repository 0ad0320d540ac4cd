using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Xunit.Abstractions;
using static Sweep.Trials.Tests.Models.ModelTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models.Torchvision;

/// <summary>Sweep's ResNet-18 against torchvision's, on a state dict and batch PyTorch wrote. Logits must agree to
/// 1e-4 (float32 through 18 layers; measured ~1e-6). The training step allows 1e-4 relative to each tensor's largest
/// magnitude: libtorch 2.10 and PyTorch 1.13 sum batch statistics and weight gradients in different orders.</summary>
public sealed class TorchvisionEqualityTests(TorchvisionReference reference, ITestOutputHelper output)
    : IClassFixture<TorchvisionReference>
{
    private const double LogitTolerance = 1e-4;
    private const double RelativeStepTolerance = 1e-4;

    private static readonly ModelSpec ResNet18 = new() { Kind = ModelKind.Resnet, Depth = 18, Stem = ResNetStem.Imagenet };

    private nn.Module<Tensor, Tensor> LoadTorchvisionWeights()
    {
        var plan = ModelPlanner.Plan(ResNet18 with { Pretrained = reference.StateDictPath }, 3, 64, 64, 10, TestSpecFile);
        var module = ModelBuilder.Build(plan, new Generator(1));
        TransferLearning.Apply(module, plan, TestSpecFile);
        return module;
    }

    [Fact]
    public void StateDict_HasTorchvisionsKeysAndShapes()
    {
        using var module = ModelBuilder.Build(ModelPlanner.Plan(ResNet18, 3, 64, 64, 10, TestSpecFile), new Generator(1));

        var keys = module.state_dict().Select(entry => $"{entry.Key} [{string.Join(',', entry.Value.shape)}]");

        Assert.Equal(122, reference.Keys.Count);
        Assert.Contains(reference.Keys, key => key.Name == "layer2.0.downsample.1.num_batches_tracked");
        Assert.Equal(reference.Keys.Select(key => $"{key.Name} [{string.Join(',', key.Shape)}]").Order(), keys.Order());
    }

    /// <summary>TorchSharp lists a module's parameters before all its buffers, PyTorch interleaves them per layer;
    /// the parameters alone come in the same order, layer by layer.</summary>
    [Fact]
    public void Parameters_ComeInTorchvisionsOrder()
    {
        using var module = ModelBuilder.Build(ModelPlanner.Plan(ResNet18, 3, 64, 64, 10, TestSpecFile), new Generator(1));
        string[] buffers = ["running_mean", "running_var", "num_batches_tracked"];

        Assert.Equal(reference.Keys.Select(key => key.Name).Where(name => !buffers.Contains(name.Split('.')[^1])),
            module.named_parameters().Select(entry => entry.name));
    }

    [Fact]
    public void EvalLogits_MatchPyTorch()
    {
        using var module = LoadTorchvisionWeights();
        module.eval();
        using var noGrad = no_grad();

        using var logits = module.call(reference.Tensors["images"]);

        var difference = MaxAbsoluteDifference(logits, reference.Tensors["logits"]);
        output.WriteLine($"logits: max |Sweep − PyTorch| = {difference:E2}");
        Assert.InRange(difference, 0, LogitTolerance);
    }

    [Fact]
    public void TrainingStep_LossGradientsAndRunningStatisticsMatchPyTorch()
    {
        using var module = LoadTorchvisionWeights();
        module.train();

        using var loss = nn.functional.cross_entropy(module.call(reference.Tensors["images"]), reference.Tensors["labels"]);
        loss.backward();

        var parameters = module.named_parameters().ToDictionary(entry => entry.name, entry => entry.parameter);
        var compared = reference.Tensors.Keys.Where(key => key.StartsWith("grad.", StringComparison.Ordinal))
            .Select(key => (key, parameters[key["grad.".Length..]].grad!))
            .Append(("loss", loss.reshape(1)))
            .Append(("layer1.0.bn1.running_mean", module.state_dict()["layer1.0.bn1.running_mean"]));
        foreach (var (name, actual) in compared)
        {
            var expected = reference.Tensors[name];
            var difference = MaxAbsoluteDifference(actual, expected);
            var scale = expected.abs().max().item<float>();
            output.WriteLine($"{name}: max |Sweep − PyTorch| = {difference:E2} (largest |value| {scale:E2})");
            Assert.True(difference <= RelativeStepTolerance * Math.Max(scale, 1e-3),
                $"{name}: max difference {difference:E2} exceeds {RelativeStepTolerance} × {scale:E2}");
        }
    }

    private static double MaxAbsoluteDifference(Tensor actual, Tensor expected)
    {
        Assert.Equal(expected.shape, actual.shape);
        return actual.to_type(ScalarType.Float64).sub(expected.to_type(ScalarType.Float64)).abs().max().item<double>();
    }
}
