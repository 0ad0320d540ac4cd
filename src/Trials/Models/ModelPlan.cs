using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>A network fully worked out before any tensor exists: its layers in order with their output shapes,
/// parameter counts and which of them are frozen.</summary>
public sealed record ModelPlan(ModelSpec Spec, int[] InputShape, int Classes, IReadOnlyList<LayerPlan> Layers)
{
    /// <summary>The output layer of a CNN or MLP.</summary>
    public const string OutputLayerName = "head.out";
    /// <summary>torchvision's name for a ResNet's output layer.</summary>
    public const string ResNetOutputLayerName = "fc";

    public static string OutputLayerOf(ModelKind kind) =>
        kind == ModelKind.Resnet ? ResNetOutputLayerName : OutputLayerName;

    /// <summary>The layer <c>model.replace_head</c> replaces.</summary>
    public string OutputLayer => OutputLayerOf(Spec.Kind);

    public long Parameters => Layers.Sum(layer => layer.Parameters);
    public long TrainableParameters => Layers.Where(layer => !layer.Frozen).Sum(layer => layer.Parameters);
    public long FrozenParameters => Layers.Where(layer => layer.Frozen).Sum(layer => layer.Parameters);
}
