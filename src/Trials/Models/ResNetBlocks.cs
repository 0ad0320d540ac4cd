using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

// The field names in this file and in ResNet.cs are torchvision's attribute names: RegisterComponents names each
// submodule after its field, which gives the state-dict keys torchvision gives (layer1.0.conv1.weight,
// layer2.0.downsample.0.weight), so torchvision's weights load by name. Fields are declared in torchvision's order,
// which is the order of the state dict.

/// <summary>torchvision's BasicBlock (ResNet-18/34): two 3×3 convolutions, the shortcut added before the last ReLU.</summary>
internal sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu = nn.ReLU(inplace: true);
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;

    public BasicBlock(ResidualBlockShape shape, Generator generator) : base(nameof(BasicBlock))
    {
        (conv1, bn1) = ResNetLayers.ConvolutionAndNorm(shape.MainPath[0], generator);
        (conv2, bn2) = ResNetLayers.ConvolutionAndNorm(shape.MainPath[1], generator);
        downsample = ResNetLayers.Shortcut(shape, generator);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var output = relu.call(bn1.call(SmallMapConvolution.Call(conv1, input)));
        output = bn2.call(SmallMapConvolution.Call(conv2, output));
        return relu.call(output.add_(downsample?.call(input) ?? input));
    }
}

/// <summary>torchvision's Bottleneck (ResNet-50): 1×1 down to the width, 3×3, 1×1 up to four times the width.</summary>
internal sealed class Bottleneck : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d conv3;
    private readonly BatchNorm2d bn3;
    private readonly ReLU relu = nn.ReLU(inplace: true);
    private readonly Sequential? downsample;

    public Bottleneck(ResidualBlockShape shape, Generator generator) : base(nameof(Bottleneck))
    {
        (conv1, bn1) = ResNetLayers.ConvolutionAndNorm(shape.MainPath[0], generator);
        (conv2, bn2) = ResNetLayers.ConvolutionAndNorm(shape.MainPath[1], generator);
        (conv3, bn3) = ResNetLayers.ConvolutionAndNorm(shape.MainPath[2], generator);
        downsample = ResNetLayers.Shortcut(shape, generator);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var output = relu.call(bn1.call(SmallMapConvolution.Call(conv1, input)));
        output = relu.call(bn2.call(SmallMapConvolution.Call(conv2, output)));
        output = bn3.call(SmallMapConvolution.Call(conv3, output));
        return relu.call(output.add_(downsample?.call(input) ?? input));
    }
}

/// <summary>The layers ResNet blocks are made of, configured and initialised as torchvision does.</summary>
internal static class ResNetLayers
{
    public static nn.Module<Tensor, Tensor> Block(ResidualBlockShape shape, Generator generator) =>
        shape.Bottleneck ? new Bottleneck(shape, generator) : new BasicBlock(shape, generator);

    public static (Conv2d, BatchNorm2d) ConvolutionAndNorm(BlockConvolution layer, Generator generator) =>
        (Convolution(layer.InChannels, layer.OutChannels, layer.KernelSize, layer.Stride, layer.Padding, generator),
            Norm(layer.OutChannels));

    /// <summary>Bias-free: the BatchNorm after it subtracts any constant.</summary>
    public static Conv2d Convolution(int inChannels, int outChannels, int kernelSize, int stride, int padding,
        Generator generator)
    {
        var convolution = nn.Conv2d(inChannels, outChannels, kernelSize, stride, padding, bias: false);
        SeededInitialization.InitializeForRelu(convolution, (long)outChannels * kernelSize * kernelSize, generator);
        return convolution;
    }

    /// <summary>PyTorch's defaults, spelled out because loaded running statistics are only right with them.</summary>
    public static BatchNorm2d Norm(int features) => nn.BatchNorm2d(features, eps: 1e-5, momentum: 0.1);

    /// <summary>Children named 0 and 1, as torchvision's nn.Sequential names them.</summary>
    public static Sequential? Shortcut(ResidualBlockShape shape, Generator generator)
    {
        if (shape.Shortcut is not { } shortcut)
            return null;
        var (convolution, norm) = ConvolutionAndNorm(shortcut, generator);
        return nn.Sequential(("0", convolution), ("1", norm));
    }
}
