using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>A network fully worked out before any tensor exists: its layers in order with their output shapes,
/// parameter counts and which of them are frozen.</summary>
public sealed record ModelPlan(ModelSpec Spec, int[] InputShape, int Classes, IReadOnlyList<LayerPlan> Layers)
{
    public const string OutputLayerName = "head.out";

    public long Parameters => Layers.Sum(layer => layer.Parameters);
    public long TrainableParameters => Layers.Where(layer => !layer.Frozen).Sum(layer => layer.Parameters);
    public long FrozenParameters => Layers.Where(layer => layer.Frozen).Sum(layer => layer.Parameters);
}
