using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>One step of a network's forward pass: its modules (for what is frozen or random in it) and how it maps its
/// input to its output.</summary>
public sealed record ModelStage(string Name, IReadOnlyList<nn.Module> Modules, Func<Tensor, Tensor> Forward);

/// <summary>A network as the chain of stages its forward pass runs in order, so a trainer can run the first stages
/// apart from the rest: the named stages of Sweep's CNNs and MLPs (block1 … blockN, flatten, head), and a ResNet's
/// stem, layer1–layer4, pooling and fc.</summary>
public static class ModelStages
{
    public static IReadOnlyList<ModelStage> Of(nn.Module<Tensor, Tensor> model) => model switch
    {
        ResNet resnet => resnet.Stages,
        Sequential sequential => sequential.named_children()
            .Select(child => new ModelStage(child.name, [child.module], ((nn.Module<Tensor, Tensor>)child.module).call))
            .ToList(),
        _ => throw new ArgumentException($"no stages are known for a {model.GetType().Name}", nameof(model)),
    };

    /// <summary>The stages from <paramref name="first"/> on, applied in order.</summary>
    public static Tensor RunFrom(IReadOnlyList<ModelStage> stages, int first, Tensor input) =>
        Run(stages, first, stages.Count, input);

    /// <summary>The first <paramref name="count"/> stages, applied in order.</summary>
    public static Tensor RunTo(IReadOnlyList<ModelStage> stages, int count, Tensor input) => Run(stages, 0, count, input);

    private static Tensor Run(IReadOnlyList<ModelStage> stages, int first, int end, Tensor input)
    {
        var output = input;
        for (var stage = first; stage < end; stage++)
            output = stages[stage].Forward(output);
        return output;
    }
}
