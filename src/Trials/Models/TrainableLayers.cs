using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>Decides which layers <c>model.trainable</c> leaves trainable. An entry names a layer (block2.conv1) or
/// a whole stage (block2, head); an empty list trains everything. A head replaced by a fresh one is always
/// trained, since its random weights are useless frozen.</summary>
internal static class TrainableLayers
{
    public static IReadOnlyList<LayerPlan> MarkFrozen(ModelSpec spec, IReadOnlyList<LayerPlan> layers, string specFile)
    {
        if (spec.Trainable.Count == 0)
            return layers;
        var validNames = layers.Where(layer => layer.Parameters > 0)
            .SelectMany(layer => new[] { layer.Stage, layer.Name })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var name in spec.Trainable.Where(name => !validNames.Contains(name, StringComparer.Ordinal)))
            throw new SpecException(specFile, null, "model.trainable",
                $"no layer with parameters is named '{name}'; expected one of: {string.Join(", ", validNames)}");

        return layers.Select(layer => layer.Parameters == 0
                ? layer
                : layer with { Frozen = !IsTrainable(spec, layer) })
            .ToList();
    }

    private static bool IsTrainable(ModelSpec spec, LayerPlan layer) =>
        (spec.ReplaceHead && layer.Name == ModelPlan.OutputLayerName)
        || spec.Trainable.Any(name => name == layer.Name || name == layer.Stage);
}
