using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>The layers of a <see cref="ResNet"/> as a plan, under the names of its parameters (conv1, layer2.0.bn1,
/// layer2.0.downsample.0, fc), so that summaries and <c>model.trainable</c> address them as torchvision does.
/// Each block ends with its ReLU, whose shape is the block's output. A ResNet's feature map never collapses: every
/// strided layer pads enough to keep at least one pixel.</summary>
internal static class ResNetPlanner
{
    public static void AddLayers(ModelSpec spec, int[] inputShape, int classes, List<LayerPlan> layers)
    {
        var stem = ResNetStemShape.Of(spec.Stem);
        var layout = ResNetLayout.Of(spec.Depth);
        var shape = AddConvolution(layers, "conv1", "bn1", inputShape, ResNetStemShape.Channels, stem.KernelSize,
            stem.Stride, stem.Padding);
        layers.Add(new ActivationLayerPlan("relu", shape, Activation.Relu));
        if (stem.MaxPool)
        {
            shape = [shape[0], FeatureMapArithmetic.PoolOutput(shape[1], kernel: 3, padding: 1, stride: 2),
                FeatureMapArithmetic.PoolOutput(shape[2], kernel: 3, padding: 1, stride: 2)];
            layers.Add(new MaxPoolLayerPlan("maxpool", shape));
        }
        foreach (var block in layout.Blocks())
        {
            var input = shape;
            foreach (var convolution in block.MainPath)
                shape = AddConvolution(layers, $"{block.Name}.{convolution.Name}", $"{block.Name}.{convolution.NormName}",
                    shape, convolution.OutChannels, convolution.KernelSize, convolution.Stride, convolution.Padding);
            if (block.Shortcut is { } shortcut)
                AddConvolution(layers, $"{block.Name}.{shortcut.Name}", $"{block.Name}.{shortcut.NormName}", input,
                    shortcut.OutChannels, shortcut.KernelSize, shortcut.Stride, shortcut.Padding);
            layers.Add(new ActivationLayerPlan($"{block.Name}.relu", shape, Activation.Relu));
        }
        layers.Add(new AdaptiveAvgPoolLayerPlan("avgpool", [shape[0], 1, 1]));
        layers.Add(new LinearLayerPlan(ModelPlan.ResNetOutputLayerName, [classes], shape[0], classes));
    }

    private static int[] AddConvolution(List<LayerPlan> layers, string name, string normName, int[] input,
        int outChannels, int kernelSize, int stride, int padding)
    {
        int[] output =
        [
            outChannels,
            FeatureMapArithmetic.ConvOutput(input[1], kernelSize, padding, stride, dilation: 1),
            FeatureMapArithmetic.ConvOutput(input[2], kernelSize, padding, stride, dilation: 1),
        ];
        layers.Add(new ConvLayerPlan(name, output, input[0], outChannels, kernelSize, padding, stride, Dilation: 1,
            Bias: false));
        layers.Add(new BatchNormLayerPlan(normName, output, outChannels));
        return output;
    }
}
