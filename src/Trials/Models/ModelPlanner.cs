using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>Works out a network's layers and shapes from its spec, with no tensors involved, so that a bad
/// configuration is reported before a trial starts and summaries can be computed anywhere.</summary>
public static class ModelPlanner
{
    public static ModelPlan Plan(ModelSpec spec, int channels, int height, int width, int classes, string specFile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ModelSpecChecks.Validate(spec, specFile);

        var layers = new List<LayerPlan>();
        int[] shape = [channels, height, width];
        if (spec.Kind == ModelKind.Resnet)
            ResNetPlanner.AddLayers(spec, shape, classes, layers);
        else
        {
            if (spec.Kind == ModelKind.Cnn)
                shape = AddConvBlocks(spec, shape, layers, specFile);
            var features = shape.Aggregate(1, (product, size) => product * size);
            layers.Add(new FlattenLayerPlan("flatten", [features]));
            AddHead(spec, features, classes, layers);
        }

        return new ModelPlan(spec, [channels, height, width], classes,
            TrainableLayers.MarkFrozen(spec, layers, specFile));
    }

    /// <summary>round(channels × growth^block), at least one channel.</summary>
    public static int BlockChannels(ModelSpec spec, int blockIndex) =>
        Math.Max(1, (int)Math.Round(spec.Channels * Math.Pow(spec.Growth, blockIndex), MidpointRounding.AwayFromZero));

    private static int[] AddConvBlocks(ModelSpec spec, int[] shape, List<LayerPlan> layers, string specFile)
    {
        for (var block = 1; block <= spec.ConvBlocks; block++)
        {
            var outChannels = BlockChannels(spec, block - 1);
            for (var conv = 1; conv <= spec.ConvsPerBlock; conv++)
            {
                var height = FeatureMapArithmetic.ConvOutput(shape[1], spec.KernelSize, spec.Padding, spec.Stride, spec.Dilation);
                var width = FeatureMapArithmetic.ConvOutput(shape[2], spec.KernelSize, spec.Padding, spec.Stride, spec.Dilation);
                if (height < 1 || width < 1)
                    throw new SpecException(specFile, null, "model.kernel_size",
                        $"block {block} conv {conv}: feature map {Size(shape[1], shape[2])} → {Size(height, width)} "
                        + $"(kernel {spec.KernelSize}, padding {spec.Padding}, stride {spec.Stride}, dilation {spec.Dilation}); "
                        + "reduce model.conv_blocks, model.kernel_size, model.stride or model.dilation, or raise model.padding");
                var inChannels = shape[0];
                shape = [outChannels, height, width];
                // A bias right before BatchNorm is cancelled by its mean subtraction, so it would be a dead weight.
                layers.Add(new ConvLayerPlan($"block{block}.conv{conv}", shape, inChannels, outChannels,
                    spec.KernelSize, spec.Padding, spec.Stride, spec.Dilation, Bias: !spec.BatchNorm));
                if (spec.BatchNorm)
                    layers.Add(new BatchNormLayerPlan($"block{block}.bn{conv}", shape, outChannels));
                layers.Add(new ActivationLayerPlan($"block{block}.act{conv}", shape, spec.Activation));
            }
            if (spec.Pool)
            {
                int[] pooled = [shape[0], FeatureMapArithmetic.PoolOutput(shape[1]), FeatureMapArithmetic.PoolOutput(shape[2])];
                if (pooled[1] < 1 || pooled[2] < 1)
                    throw new SpecException(specFile, null, "model.conv_blocks",
                        $"block {block} max-pool: feature map {Size(shape[1], shape[2])} → {Size(pooled[1], pooled[2])}; "
                        + "reduce model.conv_blocks or turn off model.pool");
                shape = pooled;
                layers.Add(new MaxPoolLayerPlan($"block{block}.pool", shape));
            }
            if (spec.Dropout2d > 0)
                layers.Add(new DropoutLayerPlan($"block{block}.drop", shape, spec.Dropout2d, Channelwise: true));
        }
        return shape;
    }

    private static void AddHead(ModelSpec spec, int features, int classes, List<LayerPlan> layers)
    {
        for (var index = 1; index <= spec.Hidden.Count; index++)
        {
            var width = spec.Hidden[index - 1];
            if (spec.Dropout > 0)
                layers.Add(new DropoutLayerPlan($"head.drop{index}", [features], spec.Dropout, Channelwise: false));
            layers.Add(new LinearLayerPlan($"head.fc{index}", [width], features, width));
            // A CNN normalises its convolutions; an MLP has none, so model.batch_norm normalises its hidden layers.
            if (spec.Kind == ModelKind.Mlp && spec.BatchNorm)
                layers.Add(new BatchNormLayerPlan($"head.bn{index}", [width], width));
            layers.Add(new ActivationLayerPlan($"head.act{index}", [width], spec.Activation));
            features = width;
        }
        if (spec.Dropout > 0)
            layers.Add(new DropoutLayerPlan("head.drop_out", [features], spec.Dropout, Channelwise: false));
        layers.Add(new LinearLayerPlan(ModelPlan.OutputLayerName, [classes], features, classes));
    }

    private static string Size(int height, int width) => $"{Math.Max(0, height)}×{Math.Max(0, width)}";
}
