using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>One layer of a planned network. <see cref="Name"/> is "stage.layer" (block1.conv1, head.out), a bare
/// stage ("flatten"), or for a ResNet torchvision's dotted path (layer2.0.conv1, fc); the built module uses the same
/// names, so parameter names are Name + ".weight".
/// <see cref="OutputShape"/> is per sample: [C, H, W] or [features].</summary>
public abstract record LayerPlan(string Name, int[] OutputShape)
{
    /// <summary>The PyTorch class name, shown in summaries.</summary>
    public abstract string Kind { get; }
    public virtual long Parameters => 0;
    /// <summary>Transfer learning: the layer's parameters do not receive gradient updates.</summary>
    public bool Frozen { get; init; }

    public string Stage => Name.Split('.')[0];
}

public sealed record ConvLayerPlan(string Name, int[] OutputShape, int InChannels, int OutChannels, int KernelSize,
    int Padding, int Stride, int Dilation, bool Bias) : LayerPlan(Name, OutputShape)
{
    public override string Kind => "Conv2d";
    public long FanIn => (long)InChannels * KernelSize * KernelSize;
    public override long Parameters => FanIn * OutChannels + (Bias ? OutChannels : 0);
}

public sealed record LinearLayerPlan(string Name, int[] OutputShape, int InFeatures, int OutFeatures)
    : LayerPlan(Name, OutputShape)
{
    public override string Kind => "Linear";
    public override long Parameters => (long)InFeatures * OutFeatures + OutFeatures;
}

/// <summary>BatchNorm2d after a convolution, or BatchNorm1d after a fully connected layer (MLP).</summary>
public sealed record BatchNormLayerPlan(string Name, int[] OutputShape, int Features) : LayerPlan(Name, OutputShape)
{
    public override string Kind => OutputShape.Length == 3 ? "BatchNorm2d" : "BatchNorm1d";
    /// <summary>Scale and shift; the running statistics are buffers, not parameters.</summary>
    public override long Parameters => 2L * Features;
}

public sealed record ActivationLayerPlan(string Name, int[] OutputShape, Activation Activation)
    : LayerPlan(Name, OutputShape)
{
    public override string Kind => Activation switch
    {
        Activation.Relu => "ReLU",
        Activation.LeakyRelu => "LeakyReLU",
        Activation.Elu => "ELU",
        Activation.Tanh => "Tanh",
        _ => throw new ArgumentOutOfRangeException(nameof(Activation), Activation, null),
    };
}

public sealed record MaxPoolLayerPlan(string Name, int[] OutputShape) : LayerPlan(Name, OutputShape)
{
    public override string Kind => "MaxPool2d";
}

/// <summary>Dropout of single values, or of whole channels (per sample and channel) when
/// <see cref="Channelwise"/>.</summary>
/// <summary>Averages each channel down to 1×1, whatever the size of the input.</summary>
public sealed record AdaptiveAvgPoolLayerPlan(string Name, int[] OutputShape) : LayerPlan(Name, OutputShape)
{
    public override string Kind => "AdaptiveAvgPool2d";
}

public sealed record DropoutLayerPlan(string Name, int[] OutputShape, double Probability, bool Channelwise)
    : LayerPlan(Name, OutputShape)
{
    public override string Kind => Channelwise ? "Dropout2d" : "Dropout";
}

public sealed record FlattenLayerPlan(string Name, int[] OutputShape) : LayerPlan(Name, OutputShape)
{
    public override string Kind => "Flatten";
}
