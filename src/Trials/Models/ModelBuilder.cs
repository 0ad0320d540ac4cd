using Sweep.Trials.Specs;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>Turns a <see cref="ModelPlan"/> into a TorchSharp network: a Sequential of named stages (block1 …
/// blockN, flatten, head), each a Sequential of named layers, so parameters are called block1.conv1.weight,
/// head.out.bias and so on; a ResNet is torchvision's, whose residual blocks a Sequential cannot express. Every random number, initial weights and dropout masks alike, comes from
/// <paramref name="generator"/>; nothing touches the global torch RNG. The dropout layers keep drawing from the
/// generator, so it must live as long as the module; reseeding it (manual_seed) sets the masks to come.</summary>
public static class ModelBuilder
{
    public static nn.Module<Tensor, Tensor> Build(ModelPlan plan, Generator generator)
    {
        if (plan.Spec.Kind == ModelKind.Resnet)
            return new ResNet(plan.Spec, plan.InputShape[0], plan.Classes, generator);
        var stages = new List<(string, nn.Module<Tensor, Tensor>)>();
        foreach (var stage in plan.Layers.GroupBy(layer => layer.Stage))
        {
            var layers = stage.ToList();
            // A stage that is one bare layer (flatten) is registered as itself, not wrapped in a Sequential.
            stages.Add(layers is [{ Name: var name } single] && name == stage.Key
                ? (stage.Key, BuildLayer(single, generator))
                : (stage.Key, nn.Sequential(layers.Select(layer =>
                    (layer.Name[(stage.Key.Length + 1)..], BuildLayer(layer, generator))))));
        }
        return nn.Sequential(stages);
    }

    private static nn.Module<Tensor, Tensor> BuildLayer(LayerPlan layer, Generator generator)
    {
        switch (layer)
        {
            case ConvLayerPlan conv:
                var convolution = nn.Conv2d(conv.InChannels, conv.OutChannels, conv.KernelSize, conv.Stride,
                    conv.Padding, conv.Dilation, bias: conv.Bias);
                SeededInitialization.Initialize(convolution, conv.FanIn, generator);
                return convolution;
            case LinearLayerPlan linear:
                var fullyConnected = nn.Linear(linear.InFeatures, linear.OutFeatures);
                SeededInitialization.Initialize(fullyConnected, linear.InFeatures, generator);
                return fullyConnected;
            case BatchNormLayerPlan norm:
                return norm.OutputShape.Length == 3 ? nn.BatchNorm2d(norm.Features) : nn.BatchNorm1d(norm.Features);
            case ActivationLayerPlan activation:
                return activation.Activation switch
                {
                    Activation.Relu => nn.ReLU(),
                    Activation.LeakyRelu => nn.LeakyReLU(),
                    Activation.Elu => nn.ELU(),
                    Activation.Tanh => nn.Tanh(),
                    _ => throw new ArgumentOutOfRangeException(nameof(layer), activation.Activation, null),
                };
            case MaxPoolLayerPlan:
                return nn.MaxPool2d(2, 2);
            case DropoutLayerPlan dropout:
                return new SeededDropout(dropout.Probability, dropout.Channelwise, generator);
            case FlattenLayerPlan:
                return nn.Flatten();
            default:
                throw new ArgumentOutOfRangeException(nameof(layer), layer.GetType().Name, null);
        }
    }
}
