using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>How many of a network's first stages give the same output for an image at every step of training: every
/// parameter in them frozen, every BatchNorm in them frozen (so it stays in eval mode, see
/// <see cref="FrozenBatchNorm"/>), and no dropout. Their output for a fixed input can then be computed once instead
/// of at every batch. At least one stage is left, so something trains.</summary>
public static class FrozenStages
{
    public static int Leading(IReadOnlyList<ModelStage> stages)
    {
        var leading = 0;
        while (leading < stages.Count - 1 && IsFixed(stages[leading]))
            leading++;
        // Stages without parameters alone (an MLP's flatten) save no work; they only copy the input.
        var withParameters = stages.Take(leading).Any(stage => stage.Modules.Any(module => module.parameters().Any()));
        return withParameters ? leading : 0;
    }

    private static bool IsFixed(ModelStage stage) =>
        stage.Modules.SelectMany(module => module.modules().Prepend(module)).All(module =>
            module.parameters().All(parameter => !parameter.requires_grad)
            && module is not (SeededDropout or Dropout or Dropout2d)
            && (module is not BatchNorm || FrozenBatchNorm.IsFrozen(module)));
}
