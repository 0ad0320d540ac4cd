using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Specs;

/// <summary>Stands in for the real preset table, which another part of the program owns.</summary>
internal static class FakePresets
{
    public static ModelSpec Named(string name) => name switch
    {
        "two-conv" => new ModelSpec { Preset = "two-conv", Channels = 16, Hidden = [64], BatchNorm = true, Dropout = 0.1 },
        "tiny-mlp" => new ModelSpec { Preset = "tiny-mlp", Kind = ModelKind.Mlp, Hidden = [32] },
        _ => throw new SpecException("presets", null, "model.preset", $"expected one of two-conv, tiny-mlp, found '{name}'"),
    };

    public static ModelSpec None(string name) => throw new InvalidOperationException($"No preset expected, asked for {name}.");
}
