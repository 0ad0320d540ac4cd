using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models;

internal static class ModelTestKit
{
    public const string TestSpecFile = "spec.yaml";

    /// <summary>A small CNN that builds and runs in milliseconds.</summary>
    public static readonly ModelSpec Tiny = new() { Channels = 4, Hidden = [16] };

    public static ModelPlan PlanFashionMnist(ModelSpec spec, int classes = 10) =>
        ModelPlanner.Plan(spec, 1, 28, 28, classes, TestSpecFile);

    /// <summary>The generator is not disposed: the module's dropout layers keep drawing from it.</summary>
    public static nn.Module<Tensor, Tensor> Build(ModelPlan plan, ulong seed) =>
        ModelBuilder.Build(plan, new Generator(seed));

    public static Tensor Images(int count, ulong seed = 99)
    {
        using var generator = new Generator(seed);
        return rand([count, 1, 28, 28], generator: generator);
    }

    public static bool Identical(Tensor left, Tensor right) =>
        left.shape.SequenceEqual(right.shape) && left.eq(right).all().item<bool>();

    public static bool IdenticalWeights(nn.Module left, nn.Module right)
    {
        var leftState = left.state_dict();
        var rightState = right.state_dict();
        return leftState.Keys.SequenceEqual(rightState.Keys)
            && leftState.Keys.All(key => Identical(leftState[key], rightState[key]));
    }
}
