using Sweep.Trials.Training;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>Layer shapes from the plan, parameter counts and frozen state from the built module itself, so the
/// summary reports what will actually train.</summary>
public static class ModelSummaries
{
    public static ModelSummary Summarize(ModelPlan plan, nn.Module module)
    {
        var parameters = module.named_parameters()
            .Select(entry => (Layer: TransferLearning.LayerName(entry.name), Count: entry.parameter.numel(),
                Trainable: entry.parameter.requires_grad))
            .ToList();
        var layers = plan.Layers
            .Select(layer => new LayerShape(layer.Name, layer.Kind, layer.OutputShape,
                parameters.Where(parameter => parameter.Layer == layer.Name).Sum(parameter => parameter.Count)))
            .ToList();
        return new ModelSummary(
            parameters.Where(parameter => parameter.Trainable).Sum(parameter => parameter.Count),
            parameters.Where(parameter => !parameter.Trainable).Sum(parameter => parameter.Count),
            layers);
    }
}
