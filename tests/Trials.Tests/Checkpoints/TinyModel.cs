using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Checkpoints;

/// <summary>A model small enough to train in milliseconds, with a BatchNorm so buffers are checkpointed too.</summary>
internal static class TinyModel
{
    public static Sequential Create() => nn.Sequential(
        ("fc1", nn.Linear(4, 8)), ("norm", nn.BatchNorm1d(8)), ("relu", nn.ReLU()), ("fc2", nn.Linear(8, 3)));

    public static void Train(Sequential model, optim.Optimizer optimizer, int steps)
    {
        model.train();
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var inputs = linspace(-1, 1 + step, 24).reshape(6, 4);
            var targets = tensor(new long[] { 0, 1, 2, 0, 1, 2 });
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.forward(inputs), targets).backward();
            optimizer.step();
        }
    }

    /// <summary>Every parameter and buffer as raw bits, so equality means identical to the last bit.</summary>
    public static IReadOnlyList<string> StateBits(Sequential model) =>
        model.state_dict().Select(entry => $"{entry.Key}: {Convert.ToHexString(entry.Value.bytes)}").ToList();
}
