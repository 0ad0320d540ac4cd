using Sweep.Trials.Specs;
using Sweep.Trials.Training.Optimizers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Training;

public class OptimizerFactoryTests
{
    [Theory]
    [InlineData(OptimizerKind.Sgd, typeof(SGD))]
    [InlineData(OptimizerKind.Adam, typeof(Adam))]
    [InlineData(OptimizerKind.Adamw, typeof(AdamW))]
    [InlineData(OptimizerKind.Rmsprop, typeof(RMSProp))]
    public void Create_BuildsTheKindAskedForAndItSteps(OptimizerKind kind, Type expectedType)
    {
        using var weight = new Parameter(tensor(new[] { 1f, -1f }));
        using var optimizer = OptimizerFactory.Create(
            new TrainingSpec { Optimizer = kind, Lr = 0.1, WeightDecay = 0.01 }, [weight]);

        StepOnLinearLoss(optimizer, weight, slope: 2f);

        Assert.IsType(expectedType, optimizer);
        Assert.NotEqual([1f, -1f], weight.data<float>().ToArray());
    }

    [Theory]
    [InlineData(false, 0.8f)]   // w − lr·g = 1 − 0.1·2
    [InlineData(true, 0.62f)]   // w − lr·(g + m·buf) = 1 − 0.1·(2 + 0.9·2)
    public void Sgd_AppliesMomentumAndNesterov(bool nesterov, float expected)
    {
        using var weight = new Parameter(tensor(new[] { 1f }));
        using var optimizer = OptimizerFactory.Create(
            new TrainingSpec { Optimizer = OptimizerKind.Sgd, Lr = 0.1, Momentum = 0.9, Nesterov = nesterov }, [weight]);

        StepOnLinearLoss(optimizer, weight, slope: 2f);

        Assert.Equal(expected, weight.data<float>()[0], 1e-6f);
    }

    [Fact]
    public void Sgd_AppliesWeightDecay()
    {
        using var weight = new Parameter(tensor(new[] { 1f }));
        using var optimizer = OptimizerFactory.Create(
            new TrainingSpec { Optimizer = OptimizerKind.Sgd, Lr = 0.1, Momentum = 0, WeightDecay = 0.5 }, [weight]);

        StepOnLinearLoss(optimizer, weight, slope: 2f);

        Assert.Equal(1f - 0.1f * (2f + 0.5f * 1f), weight.data<float>()[0], 1e-6f);
    }

    [Theory]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.Adamw)]
    public void AdamFamily_TakesMomentumAsBeta1(OptimizerKind kind)
    {
        using var weight = new Parameter(tensor(new[] { 1f }));
        using var optimizer = OptimizerFactory.Create(new TrainingSpec { Optimizer = kind, Momentum = 0.8 }, [weight]);

        Assert.Equal(0.8, ((optim.IBetas)optimizer).Betas.Item1);
    }

    [Fact]
    public void SetLearningRate_ChangesEveryGroupAndTheNextStep()
    {
        using var first = new Parameter(tensor(new[] { 1f }));
        using var second = new Parameter(tensor(new[] { 1f }));
        using var optimizer = OptimizerFactory.Create(
            new TrainingSpec { Optimizer = OptimizerKind.Sgd, Lr = 0.1, Momentum = 0 }, [first]);
        optimizer.add_param_group(new SGD.ParamGroup([second], new SGD.Options { LearningRate = 0.1, momentum = 0,
            dampening = 0, weight_decay = 0, nesterov = false, maximize = false }));

        OptimizerFactory.SetLearningRate(optimizer, 0.5);
        StepOnLinearLoss(optimizer, first, slope: 2f);

        Assert.All(optimizer.ParamGroups, group => Assert.Equal(0.5, group.LearningRate));
        Assert.Equal(1f - 0.5f * 2f, first.data<float>()[0], 1e-6f);
    }

    /// <summary>One step on loss = slope · Σw, whose gradient is slope for every element.</summary>
    private static void StepOnLinearLoss(optim.Optimizer optimizer, Parameter weight, float slope)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        (weight * slope).sum().backward();
        optimizer.step();
    }
}
