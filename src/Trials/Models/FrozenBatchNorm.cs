using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>Train mode that spares frozen BatchNorm layers, as fine-tuning in PyTorch does: a BatchNorm whose
/// parameters are all frozen stays in eval mode, so it normalises with the pretrained running statistics and never
/// updates them. Statistics that drifted on the new data would no longer match the frozen weights around them.</summary>
public static class FrozenBatchNorm
{
    public static void TrainKeepingFrozenStatistics(nn.Module module)
    {
        module.train();
        foreach (var norm in module.modules().OfType<BatchNorm>().Where(IsFrozen))
            norm.eval();
    }

    /// <summary>Whether a BatchNorm keeps its running statistics in train mode.</summary>
    internal static bool IsFrozen(nn.Module norm)
    {
        var parameters = norm.parameters().ToList();
        return parameters.Count > 0 && parameters.All(parameter => !parameter.requires_grad);
    }
}
