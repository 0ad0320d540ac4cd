using Sweep.Trials.Models;

namespace Sweep.TrainThroughputBench;

/// <summary>Analytic arithmetic of training one image: forward multiply-accumulates of the convolutions and linear
/// layers (pooling, activations and the optimizer are negligible next to them), 2 FLOPs per MAC, and the usual
/// factor 3 for forward + backward (the backward pass computes gradients for both inputs and weights, each about
/// one forward's worth).</summary>
internal static class TrainingFlops
{
    public static long ForwardMacs(ModelPlan plan) => plan.Layers.Sum(layer => layer switch
    {
        ConvLayerPlan conv => conv.FanIn * conv.OutChannels * conv.OutputShape[1] * conv.OutputShape[2],
        LinearLayerPlan linear => (long)linear.InFeatures * linear.OutFeatures,
        _ => 0L,
    });

    public static double PerImage(ModelPlan plan) => 3.0 * 2.0 * ForwardMacs(plan);
}
