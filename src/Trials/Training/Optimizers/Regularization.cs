using Sweep.Trials.Specs;
using static TorchSharp.torch;

namespace Sweep.Trials.Training.Optimizers;

/// <summary>Explicit L1/L2 penalties added to the training loss (apart from the optimizer's weight decay).</summary>
public static class Regularization
{
    /// <summary><c>L1 × Σ|w| + L2 × Σ w²</c> over the trainable weights, as a scalar tensor attached to the graph.</summary>
    /// <remarks>
    /// Only parameters with two or more dimensions count as weights: convolution kernels and linear matrices.
    /// Biases and BatchNorm scales and shifts are one-dimensional and left out, as is usual, because shrinking
    /// them does not limit the model's capacity. Frozen parameters are left out too: a penalty on them has no
    /// gradient and would only shift the reported loss.
    /// </remarks>
    public static Tensor Penalty(TrainingSpec spec, nn.Module model)
    {
        var penalty = tensor(0f);
        if (spec.L1 == 0 && spec.L2 == 0)
            return penalty;
        foreach (var weight in model.parameters().Where(p => p.requires_grad && p.dim() >= 2))
        {
            if (spec.L1 != 0)
                penalty = penalty + spec.L1 * weight.abs().sum();
            if (spec.L2 != 0)
                penalty = penalty + spec.L2 * weight.square().sum();
        }
        return penalty;
    }
}
