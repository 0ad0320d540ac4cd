using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>Decides which layers <c>model.trainable</c> leaves trainable, or <c>model.freeze</c> freezes (its
/// complement). An entry names a layer (block2.conv1, layer4.1.conv2) or anything that contains layers: a stage
/// (block2, head, layer4) or, in a ResNet, a residual block (layer4.1); empty lists train everything. A head replaced
/// by a fresh one is always trained, since its random weights are useless frozen.</summary>
internal static class TrainableLayers
{
    public static IReadOnlyList<LayerPlan> MarkFrozen(ModelSpec spec, IReadOnlyList<LayerPlan> layers, string specFile)
    {
        if (spec.Trainable.Count > 0 && spec.Freeze.Count > 0)
            throw new SpecException(specFile, null, "model.freeze",
                "expected either model.trainable or model.freeze, found both; one is the other's complement");
        var (field, names) = spec.Freeze.Count > 0 ? ("model.freeze", spec.Freeze) : ("model.trainable", spec.Trainable);
        if (names.Count == 0)
            return layers;
        var validNames = layers.Where(layer => layer.Parameters > 0)
            .SelectMany(layer => Containers(layer.Name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var name in names.Where(name => !validNames.Contains(name, StringComparer.Ordinal)))
            throw new SpecException(specFile, null, field,
                $"no layer with parameters is named '{name}'; {Expected(validNames)}");
        var outputLayer = ModelPlan.OutputLayerOf(spec.Kind);
        if (spec.ReplaceHead && spec.Freeze.FirstOrDefault(name => Containers(outputLayer).Contains(name)) is { } head)
            throw new SpecException(specFile, null, "model.freeze",
                $"expected layers other than the replaced head, found '{head}', which holds {outputLayer}; "
                + "a fresh head always trains");

        return layers.Select(layer => layer.Parameters == 0
                ? layer
                : layer with { Frozen = !IsTrainable(spec, layer, outputLayer) })
            .ToList();
    }

    /// <summary>Every name, unless a ResNet's layers inside its blocks would make the line unreadable (hundreds of
    /// names): then the stages and blocks, and one such layer as an example.</summary>
    private static string Expected(IReadOnlyList<string> validNames)
    {
        var shallow = validNames.Where(name => name.Count(c => c == '.') <= 1).ToList();
        var deeper = validNames.FirstOrDefault(name => !shallow.Contains(name));
        return $"expected one of: {string.Join(", ", shallow)}"
            + (deeper is null ? "" : $", or a layer inside one of these blocks, such as {deeper}");
    }

    /// <summary>"layer4.1.conv2" → layer4, layer4.1, layer4.1.conv2.</summary>
    private static IEnumerable<string> Containers(string layerName)
    {
        var parts = layerName.Split('.');
        return parts.Select((_, index) => string.Join('.', parts.Take(index + 1)));
    }

    private static bool IsTrainable(ModelSpec spec, LayerPlan layer, string outputLayer)
    {
        if (spec.ReplaceHead && layer.Name == outputLayer)
            return true;
        var named = (spec.Freeze.Count > 0 ? spec.Freeze : spec.Trainable)
            .Any(name => Containers(layer.Name).Contains(name, StringComparer.Ordinal));
        return spec.Freeze.Count > 0 ? !named : named;
    }
}
