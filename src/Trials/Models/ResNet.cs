using Sweep.Trials.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>torchvision's ResNet (torchvision.models.resnet18/34/50) with its parameter and buffer names, so that a
/// torchvision state dict loads by name; the first convolution takes the dataset's channels and the classifier
/// gives its classes. Initialised as torchvision initialises it (BatchNorm weights 1 and biases 0, Kaiming-normal
/// convolutions, PyTorch's default Linear), with every draw from the trial's generator.</summary>
internal sealed class ResNet : nn.Module<Tensor, Tensor>
{
    // Named and ordered as torchvision's attributes; see ResNetBlocks.cs.
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu = nn.ReLU(inplace: true);
    private readonly MaxPool2d? maxpool;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;
    private readonly AdaptiveAvgPool2d avgpool = nn.AdaptiveAvgPool2d(1);
    private readonly Linear fc;

    public ResNet(ModelSpec spec, int inChannels, int classes, Generator generator) : base(nameof(ResNet))
    {
        var stem = ResNetStemShape.Of(spec.Stem);
        var layout = ResNetLayout.Of(spec.Depth);
        conv1 = ResNetLayers.Convolution(inChannels, ResNetStemShape.Channels, stem.KernelSize, stem.Stride,
            stem.Padding, generator);
        bn1 = ResNetLayers.Norm(ResNetStemShape.Channels);
        maxpool = stem.MaxPool ? nn.MaxPool2d(kernel_size: 3, stride: 2, padding: 1) : null;
        var stages = layout.Blocks()
            .GroupBy(block => block.Name.Split('.')[0])
            .Select(stage => nn.Sequential(stage.Select(block =>
                (block.Name.Split('.')[1], ResNetLayers.Block(block, generator)))))
            .ToList();
        (layer1, layer2, layer3, layer4) = (stages[0], stages[1], stages[2], stages[3]);
        fc = nn.Linear(layout.FeatureChannels, classes);
        SeededInitialization.Initialize(fc, layout.FeatureChannels, generator);
        RegisterComponents();
        Stages =
        [
            new("stem", maxpool is null ? [conv1, bn1, relu] : [conv1, bn1, relu, maxpool], Stem),
            new(nameof(layer1), [layer1], layer1.call),
            new(nameof(layer2), [layer2], layer2.call),
            new(nameof(layer3), [layer3], layer3.call),
            new(nameof(layer4), [layer4], layer4.call),
            new(nameof(avgpool), [avgpool], features => avgpool.call(features).flatten(1)),
            new(nameof(fc), [fc], fc.call),
        ];
    }

    /// <summary>The forward pass, step by step (see <see cref="ModelStages"/>).</summary>
    internal IReadOnlyList<ModelStage> Stages { get; }

    public override Tensor forward(Tensor input) => ModelStages.RunFrom(Stages, 0, input);

    private Tensor Stem(Tensor input)
    {
        var features = relu.call(bn1.call(conv1.call(input)));
        return maxpool is null ? features : maxpool.call(features);
    }
}
