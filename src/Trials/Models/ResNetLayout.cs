using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>A bias-free convolution of a residual block and the BatchNorm after it, under torchvision's names
/// (conv2 and bn2; downsample.0 and downsample.1 on the shortcut). Padding keeps the size at stride 1.</summary>
internal sealed record BlockConvolution(string Name, string NormName, int InChannels, int OutChannels, int KernelSize,
    int Stride)
{
    public int Padding => KernelSize / 2;
}

/// <summary>One residual block of a ResNet: its torchvision name (layer2.0), channels in and out, the width of
/// its inner convolutions, and the stride by which it shrinks the feature map.</summary>
internal sealed record ResidualBlockShape(string Name, bool Bottleneck, int InChannels, int Width, int OutChannels,
    int Stride)
{
    /// <summary>Basic: 3×3 (strided), 3×3. Bottleneck: 1×1, 3×3 (strided), 1×1 to four times the width; the
    /// stride sits on the 3×3 as in torchvision (ResNet v1.5), not on the first 1×1 as in the paper.</summary>
    public IReadOnlyList<BlockConvolution> MainPath => Bottleneck
        ?
        [
            new("conv1", "bn1", InChannels, Width, KernelSize: 1, Stride: 1),
            new("conv2", "bn2", Width, Width, KernelSize: 3, Stride),
            new("conv3", "bn3", Width, OutChannels, KernelSize: 1, Stride: 1),
        ]
        :
        [
            new("conv1", "bn1", InChannels, Width, KernelSize: 3, Stride),
            new("conv2", "bn2", Width, OutChannels, KernelSize: 3, Stride: 1),
        ];

    /// <summary>torchvision projects the shortcut (1×1 convolution and BatchNorm) whenever the identity would not
    /// match the block's output in size or channels; otherwise the input is added as it is.</summary>
    public BlockConvolution? Shortcut => Stride != 1 || InChannels != OutChannels
        ? new("downsample.0", "downsample.1", InChannels, OutChannels, KernelSize: 1, Stride)
        : null;
}

/// <summary>The first layers of a ResNet, before the residual stages.</summary>
internal sealed record ResNetStemShape(int KernelSize, int Stride, int Padding, bool MaxPool)
{
    public const int Channels = 64;

    public static ResNetStemShape Of(ResNetStem stem) => stem switch
    {
        ResNetStem.Imagenet => new(KernelSize: 7, Stride: 2, Padding: 3, MaxPool: true),
        ResNetStem.Small => new(KernelSize: 3, Stride: 1, Padding: 1, MaxPool: false),
        _ => throw new ArgumentOutOfRangeException(nameof(stem), stem, null),
    };
}

/// <summary>torchvision's ResNet family: four stages (layer1 … layer4) of 64, 128, 256 and 512 channels wide,
/// each but the first halving the feature map in its first block. ResNet-18 and 34 use basic blocks (two 3×3
/// convolutions); ResNet-50 uses bottlenecks (1×1, 3×3, 1×1 with four times the width out).</summary>
internal sealed record ResNetLayout(bool Bottleneck, int[] BlocksPerStage)
{
    private static readonly int[] StageWidths = [64, 128, 256, 512];

    public static ResNetLayout Of(int depth) => depth switch
    {
        18 => new(Bottleneck: false, [2, 2, 2, 2]),
        34 => new(Bottleneck: false, [3, 4, 6, 3]),
        50 => new(Bottleneck: true, [3, 4, 6, 3]),
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "torchvision's depths here are 18, 34 and 50"),
    };

    public int Expansion => Bottleneck ? 4 : 1;

    /// <summary>Channels after the last stage, which the classifier reads.</summary>
    public int FeatureChannels => StageWidths[^1] * Expansion;

    /// <summary>Every residual block in order, named as torchvision names them.</summary>
    public IEnumerable<ResidualBlockShape> Blocks()
    {
        var channels = ResNetStemShape.Channels;
        for (var stage = 0; stage < StageWidths.Length; stage++)
        {
            var width = StageWidths[stage];
            for (var block = 0; block < BlocksPerStage[stage]; block++)
            {
                var stride = stage > 0 && block == 0 ? 2 : 1;
                yield return new ResidualBlockShape($"layer{stage + 1}.{block}", Bottleneck, channels, width, width * Expansion, stride);
                channels = width * Expansion;
            }
        }
    }
}
