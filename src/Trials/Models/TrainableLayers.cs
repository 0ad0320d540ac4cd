using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>Decides which layers <c>model.trainable</c> leaves trainable. An entry names a layer (block2.conv1,
/// layer4.1.conv2) or anything that contains layers: a stage (block2, head, layer4) or, in a ResNet, a residual
/// block (layer4.1); an empty list trains everything. A head replaced by a fresh one is always trained, since its
/// random weights are useless frozen.</summary>
internal static class TrainableLayers
{
    public static IReadOnlyList<LayerPlan> MarkFrozen(ModelSpec spec, IReadOnlyList<LayerPlan> layers, string specFile)
    {
        if (spec.Trainable.Count == 0)
            return layers;
        var withParameters = layers.Where(layer => layer.Parameters > 0).ToList();
        var validNames = withParameters.SelectMany(layer => Containers(layer.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in spec.Trainable.Where(name => !validNames.Contains(name)))
            throw new SpecException(specFile, null, "model.trainable",
                $"no layer with parameters is named '{name}'; expected a stage "
                + $"({string.Join(", ", withParameters.Select(layer => layer.Stage).Distinct())}) or a layer inside "
                + $"one, such as {withParameters.First(layer => layer.Name != layer.Stage).Name}");

        return layers.Select(layer => layer.Parameters == 0
                ? layer
                : layer with { Frozen = !IsTrainable(spec, layer) })
            .ToList();
    }

    /// <summary>"layer4.1.conv2" → layer4, layer4.1, layer4.1.conv2.</summary>
    private static IEnumerable<string> Containers(string layerName) =>
        layerName.Split('.').Select((_, index) => string.Join('.', layerName.Split('.').Take(index + 1)));

    private static bool IsTrainable(ModelSpec spec, LayerPlan layer) =>
        (spec.ReplaceHead && layer.Name == ModelPlan.OutputLayerOf(spec.Kind))
        || spec.Trainable.Any(name => Containers(layer.Name).Contains(name, StringComparer.Ordinal));
}
