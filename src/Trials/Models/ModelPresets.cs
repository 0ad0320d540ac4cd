using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>Named starting points for <c>model.preset</c>; the spec binder applies the fields a user wrote on top
/// of the preset's full spec.</summary>
public static class ModelPresets
{
    /// <summary>conv32 → pool → conv64 → pool → fc128 → out: the two-convolution MNIST net of the Keras and PyTorch
    /// examples, with a pool after each convolution (as in the TensorFlow tutorials) instead of one after both.</summary>
    private static readonly ModelSpec TwoConv = new()
    {
        Kind = ModelKind.Cnn,
        ConvBlocks = 2,
        ConvsPerBlock = 1,
        Channels = 32,
        Growth = 2.0,
        KernelSize = 3,
        Padding = 1,
        Stride = 1,
        Dilation = 1,
        Activation = Activation.Relu,
        BatchNorm = false,
        Dropout = 0,
        Dropout2d = 0,
        Pool = true,
        Hidden = [128],
    };

    // A list rather than a dictionary so that Names keeps this order in messages and reports.
    private static readonly (string Name, ModelSpec Spec)[] Presets =
    [
        ("two-conv", TwoConv),
        ("two-conv-wide", TwoConv with { Channels = 64, Hidden = [256] }),
        ("two-conv-deep", TwoConv with { ConvsPerBlock = 2 }),
        // The rates of the Keras/PyTorch MNIST example: 0.25 after the convolutions, 0.5 in the head.
        ("two-conv-dropout", TwoConv with { Dropout2d = 0.25, Dropout = 0.5 }),
        ("two-conv-bn", TwoConv with { BatchNorm = true }),
        ("three-block-4-8-16", TwoConv with { ConvBlocks = 3, Channels = 4, Growth = 2.0, Hidden = [64] }),
        // VGG-style 16-32-64 with two convolutions per block and a linear classifier: 77,786 parameters. The same
        // layers in PyTorch 1.13 (Adam 1e-3, batch 64, no schedule) reached 0.9245 Fashion-MNIST test accuracy by
        // epoch 7; a 32-wide hidden layer before the classifier did worse (0.919 at epoch 8).
        ("small-100k", TwoConv with
        {
            ConvBlocks = 3, ConvsPerBlock = 2, Channels = 16, BatchNorm = true, Dropout2d = 0.1, Dropout = 0.2,
            Hidden = [],
        }),
        // Keras' mnist_mlp: two hidden layers of 512 with dropout 0.2.
        ("mlp", TwoConv with { Kind = ModelKind.Mlp, Hidden = [512, 512], Dropout = 0.2 }),
    ];

    public static IReadOnlyList<string> Names { get; } = Presets.Select(preset => preset.Name).ToList();

    public static ModelSpec Named(string name, string specFile) =>
        Presets.Where(preset => preset.Name == name).Select(preset => preset.Spec with { Preset = name }).FirstOrDefault()
            ?? throw new SpecException(specFile, null, "model.preset",
                $"unknown preset '{name}'; expected one of: {string.Join(", ", Names)}");
}
