using Sweep.Trials.Data;
using Sweep.Trials.Specs;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>Starts a freshly built network from pretrained weights, and freezes the layers the plan marks frozen.
/// The weights are a previous trial's (<c>module.save(path)</c>), a PyTorch state dict, or published weights by name
/// (torchvision:resnet18) from the model cache. With <c>model.replace_head</c> the saved output layer is skipped, so
/// the network keeps the fresh output layer it was built with, sized for the current class count. A frozen BatchNorm
/// also keeps its running statistics: the runner trains through <see cref="FrozenBatchNorm"/>.</summary>
public static class TransferLearning
{
    // One client for the process, as HttpClient is meant to be used; it is only ever asked for named weights.
    private static readonly HttpClient Http = new();

    public static void Apply(nn.Module module, ModelPlan plan, string specFile)
    {
        if (plan.Spec.Pretrained is { } pretrained)
            LoadPretrained(module, PretrainedFile(pretrained, plan.Spec.Download, specFile), plan, specFile);
        Freeze(module, plan);
    }

    private static string PretrainedFile(string pretrained, bool download, string specFile) =>
        PretrainedNames.Find(pretrained) is { } named
            ? new NamedWeightsSource(ModelCache.FromEnvironment(), new FileDownloader(Http)).Resolve(named, download, specFile)
            : ExistingWeightsFile(pretrained, specFile);

    /// <summary>A weights file named by its path, relative to the spec file when relative, which must exist.</summary>
    internal static string ExistingWeightsFile(string pretrained, string specFile)
    {
        var path = SpecFile.Resolve(pretrained, specFile)!;
        if (!File.Exists(path))
            throw new SpecException(specFile, null, "model.pretrained",
                $"expected a weights file (a PyTorch state dict or a trial's best-model.pt), found no file at '{path}'");
        return path;
    }

    private static void LoadPretrained(nn.Module module, string path, ModelPlan plan, string specFile)
    {
        var headPrefix = plan.OutputLayer + ".";
        string[] skip = plan.Spec.ReplaceHead
            ? [.. module.state_dict().Keys.Where(key => key.StartsWith(headPrefix, StringComparison.Ordinal))]
            : [];
        if (PyTorchStateDict.IsOne(path))
        {
            PyTorchStateDict.Load(module, path, skip, plan.OutputLayer, specFile);
            return;
        }
        try
        {
            module.load(path, strict: true, skip: skip);
        }
        catch (Exception error) when (error is ArgumentException or EndOfStreamException or IOException)
        {
            // TorchSharp's first sentence says what differed (entry count, a name, a shape or a dtype).
            var reason = error.Message.Split(". ")[0].TrimEnd('.');
            throw new SpecException(specFile, null, "model.pretrained",
                $"weights file '{path}' does not fit this model ({reason}); it must come from "
                + "the same model settings, and a different class count needs model.replace_head");
        }
    }

    private static void Freeze(nn.Module module, ModelPlan plan)
    {
        var frozenLayers = plan.Layers.Where(layer => layer.Frozen).Select(layer => layer.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, parameter) in module.named_parameters())
            parameter.requires_grad = !frozenLayers.Contains(LayerName(name));
    }

    /// <summary>"block1.conv1.weight" → "block1.conv1".</summary>
    internal static string LayerName(string parameterName) => parameterName[..parameterName.LastIndexOf('.')];
}
