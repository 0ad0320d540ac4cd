using Sweep.Trials.Specs;
using Sweep.Trials.Training.Optimizers;
using Sweep.Trials.Training.Schedules;
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
    public void ScheduleLearningRates_ScalesEveryGroupFromItsBaseRateAndTheNextStepUsesIt()
    {
        using var first = new Parameter(tensor(new[] { 1f }));
        using var second = new Parameter(tensor(new[] { 1f }));
        using var optimizer = OptimizerFactory.Create(
            new TrainingSpec { Optimizer = OptimizerKind.Sgd, Lr = 0.1, Momentum = 0 }, [first]);
        optimizer.add_param_group(new SGD.ParamGroup([second], new SGD.Options { LearningRate = 0.4, momentum = 0,
            dampening = 0, weight_decay = 0, nesterov = false, maximize = false }));

        OptimizerFactory.ScheduleLearningRates(optimizer, baseRate => baseRate * 5);
        StepOnLinearLoss(optimizer, first, slope: 2f);

        Assert.Equal([0.1 * 5, 0.4 * 5], optimizer.ParamGroups.Select(group => group.LearningRate));
        Assert.Equal(1f - 0.5f * 2f, first.data<float>()[0], 1e-6f);
    }

    [Fact]
    public void Create_WithBackboneLr_TrainsTheOutputLayerAtLrAndTheOtherTrainableParametersAtBackboneLr()
    {
        using var model = BodyAndHead();
        model.named_parameters().Single(named => named.name == "body.bias").parameter.requires_grad = false;

        using var optimizer = OptimizerFactory.Create(new TrainingSpec { Lr = 0.01, BackboneLr = 0.001 }, model, "fc");

        var groups = optimizer.ParamGroups.Cast<ParamGroup>().ToList();
        Assert.Equal([0.001, 0.01], groups.Select(group => group.LearningRate));
        Assert.Equal([Handle(model, "body.weight")], groups[0].Parameters.Select(parameter => parameter.Handle));
        Assert.Equal([Handle(model, "fc.weight"), Handle(model, "fc.bias")],
            groups[1].Parameters.Select(parameter => parameter.Handle));
    }

    [Fact]
    public void Create_WithoutBackboneLr_TrainsEveryTrainableParameterAtLrInOneGroup()
    {
        using var model = BodyAndHead();

        using var optimizer = OptimizerFactory.Create(new TrainingSpec { Lr = 0.01 }, model, "fc");

        var group = Assert.Single(optimizer.ParamGroups.Cast<ParamGroup>());
        Assert.Equal(0.01, group.LearningRate);
        Assert.Equal(4, group.Parameters.Count());
    }

    [Theory]
    [InlineData(2)]   // warming up
    [InlineData(4)]   // warm-up done, cosine begins
    [InlineData(11)]  // cosine decay
    public void Schedule_ScalesTheHeadAndBackboneRatesByTheSameFactor(long step)
    {
        var spec = new TrainingSpec
        {
            Lr = 0.01, BackboneLr = 0.001, WarmupSteps = 4, Schedule = ScheduleKind.Cosine, Epochs = 3,
        };
        using var model = BodyAndHead();
        using var optimizer = OptimizerFactory.Create(spec, model, "fc");

        OptimizerFactory.ScheduleLearningRates(optimizer,
            baseRate => LearningRateSchedule.At(spec, baseRate, step, stepsPerEpoch: 5));

        var groups = optimizer.ParamGroups.ToList();
        var headRate = LearningRateSchedule.At(spec, step, stepsPerEpoch: 5);
        Assert.Equal(headRate, groups[1].LearningRate);
        Assert.Equal(headRate / 0.01, groups[0].LearningRate / 0.001, 1e-12);
        Assert.Equal([0.001, 0.01], groups.Select(group => group.InitialLearningRate));
    }

    private static nn.Module BodyAndHead() => nn.Sequential(("body", nn.Linear(3, 2)), ("fc", nn.Linear(2, 1)));

    private static IntPtr Handle(nn.Module model, string name) =>
        model.named_parameters().Single(named => named.name == name).parameter.Handle;

    /// <summary>One step on loss = slope · Σw, whose gradient is slope for every element.</summary>
    private static void StepOnLinearLoss(optim.Optimizer optimizer, Parameter weight, float slope)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        (weight * slope).sum().backward();
        optimizer.step();
    }
}
