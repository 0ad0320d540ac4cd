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
/// </remarks>
public static class OptimizerFactory
{
    public static OptimizerHelper Create(TrainingSpec spec, IEnumerable<Parameter> parameters) => spec.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(parameters, spec.Lr, momentum: spec.Momentum,
            weight_decay: spec.WeightDecay, nesterov: spec.Nesterov),
        OptimizerKind.Adam => optim.Adam(parameters, spec.Lr, beta1: spec.Momentum, weight_decay: spec.WeightDecay),
        OptimizerKind.Adamw => optim.AdamW(parameters, spec.Lr, beta1: spec.Momentum, weight_decay: spec.WeightDecay),
        OptimizerKind.Rmsprop => optim.RMSProp(parameters, spec.Lr, momentum: spec.Momentum,
            weight_decay: spec.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Optimizer, "unknown optimizer"),
    };

    /// <summary>Sets the rate of every parameter group; call before each step with the schedule's value.</summary>
    public static void SetLearningRate(optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups)
            group.LearningRate = learningRate;
    }
}
