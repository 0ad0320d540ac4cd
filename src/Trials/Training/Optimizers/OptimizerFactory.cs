using Sweep.Trials.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Training.Optimizers;

/// <summary>Builds the optimizer a spec asks for and drives its learning rate.</summary>
/// <remarks>
/// <c>Momentum</c> is the gradient-averaging coefficient of every kind: SGD's and RMSprop's momentum, and Adam's and
/// AdamW's beta1 (whose usual value, 0.9, is the spec's default), so a value the user sets is never ignored.
/// <c>WeightDecay</c> is passed to the optimizer: coupled (added to the gradient) for SGD, Adam and RMSprop,
/// decoupled for AdamW. Explicit L1/L2 penalties on the loss are <see cref="Regularization.Penalty"/>.
/// The returned type is TorchSharp's managed <see cref="OptimizerHelper"/>, whose state can be checkpointed.
/// Each parameter group keeps its base rate as TorchSharp's <c>InitialLearningRate</c>, which checkpoints hold too,
/// so the schedule scales every group from its own base after a resume as well.
/// </remarks>
public static class OptimizerFactory
{
    private sealed record RateGroup(IEnumerable<Parameter> Parameters, double BaseRate);

    public static OptimizerHelper Create(TrainingSpec spec, IEnumerable<Parameter> parameters) =>
        Create(spec, [new RateGroup(parameters, spec.Lr)]);

    /// <summary>The optimizer of a model's trainable parameters: with <c>backbone_lr</c>, two groups, the output
    /// layer's at lr and every other at backbone_lr.</summary>
    public static OptimizerHelper Create(TrainingSpec spec, nn.Module model, string outputLayer)
    {
        var trainable = model.named_parameters().Where(named => named.parameter.requires_grad).ToList();
        if (spec.BackboneLr is not { } backboneLr)
            return Create(spec, trainable.Select(named => named.parameter));
        var headPrefix = outputLayer + ".";
        var inHead = trainable.ToLookup(named => named.name.StartsWith(headPrefix, StringComparison.Ordinal),
            named => named.parameter);
        return Create(spec, [new RateGroup(inHead[false], backboneLr), new RateGroup(inHead[true], spec.Lr)]);
    }

    private static OptimizerHelper Create(TrainingSpec spec, IReadOnlyList<RateGroup> groups) => spec.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(Groups<SGD.ParamGroup, SGD.Options>(groups), spec.Lr, momentum: spec.Momentum,
            weight_decay: spec.WeightDecay, nesterov: spec.Nesterov),
        OptimizerKind.Adam => optim.Adam(Groups<Adam.ParamGroup, Adam.Options>(groups), spec.Lr, beta1: spec.Momentum,
            weight_decay: spec.WeightDecay),
        OptimizerKind.Adamw => optim.AdamW(Groups<AdamW.ParamGroup, AdamW.Options>(groups), spec.Lr,
            beta1: spec.Momentum, weight_decay: spec.WeightDecay),
        OptimizerKind.Rmsprop => optim.RMSProp(Groups<RMSProp.ParamGroup, RMSProp.Options>(groups), spec.Lr,
            momentum: spec.Momentum, weight_decay: spec.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Optimizer, "unknown optimizer"),
    };

    private static IEnumerable<TGroup> Groups<TGroup, TOptions>(IEnumerable<RateGroup> groups)
        where TGroup : ParamGroup<TOptions>, new()
        where TOptions : OptimizerOptions, new() =>
        groups.Select(group => new TGroup
        {
            Parameters = group.Parameters.ToList(),
            Options = new TOptions { LearningRate = group.BaseRate },
        });

    /// <summary>Sets every parameter group's rate to the schedule's value for the group's base rate; call before
    /// each step.</summary>
    public static void ScheduleLearningRates(optim.Optimizer optimizer, Func<double, double> scheduledRate)
    {
        foreach (var group in optimizer.ParamGroups)
            group.LearningRate = scheduledRate(group.InitialLearningRate);
    }
}
