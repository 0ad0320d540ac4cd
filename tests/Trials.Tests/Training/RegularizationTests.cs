using Sweep.Trials.Specs;
using Sweep.Trials.Training.Optimizers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Training;

public class RegularizationTests
{
    [Fact]
    public void Penalty_SumsWeightsButNotBiasesOrBatchNorm()
    {
        using var model = HandSetModel(out _, out _);

        using var penalty = Regularization.Penalty(new TrainingSpec { L1 = 0.5, L2 = 0.25 }, model);

        // Σ|w| = 1 + 2 + 0.5 + 0 = 3.5; Σw² = 1 + 4 + 0.25 + 0 = 5.25; biases (3, −4) and BN scales (2, 2) left out.
        Assert.Equal(0.5 * 3.5 + 0.25 * 5.25, penalty.item<float>(), 1e-6);
    }

    [Fact]
    public void Penalty_GradientIsL1SignPlusTwiceL2Weight()
    {
        using var model = HandSetModel(out var linear, out var norm);

        Regularization.Penalty(new TrainingSpec { L1 = 0.5, L2 = 0.25 }, model).backward();

        Assert.Equal([1.0f, -1.5f, 0.75f, 0f], linear.weight!.grad!.data<float>().ToArray());
        Assert.Null(linear.bias!.grad);
        Assert.Null(norm.weight!.grad);
    }

    [Fact]
    public void Penalty_LeavesFrozenWeightsOut()
    {
        using var model = HandSetModel(out var linear, out _);
        linear.weight!.requires_grad = false;

        using var penalty = Regularization.Penalty(new TrainingSpec { L1 = 0.5, L2 = 0.25 }, model);

        Assert.Equal(0f, penalty.item<float>());
    }

    [Fact]
    public void Penalty_IsZeroWithoutL1OrL2()
    {
        using var model = HandSetModel(out _, out _);

        using var penalty = Regularization.Penalty(new TrainingSpec(), model);

        Assert.Equal(0f, penalty.item<float>());
    }

    private static Sequential HandSetModel(out Linear linear, out BatchNorm1d norm)
    {
        linear = nn.Linear(2, 2);
        norm = nn.BatchNorm1d(2);
        using (no_grad())
        {
            linear.weight!.copy_(tensor(new[] { 1f, -2f, 0.5f, 0f }).reshape(2, 2));
            linear.bias!.copy_(tensor(new[] { 3f, -4f }));
            norm.weight!.fill_(2f);
        }
        return nn.Sequential(("linear", linear), ("norm", norm));
    }
}
