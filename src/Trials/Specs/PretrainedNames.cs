using System.Text.RegularExpressions;

namespace Sweep.Trials.Specs;

/// <summary>Published weights a spec may name in <c>model.pretrained</c> instead of a path: each is the file
/// torchvision downloads for that model (ImageNet V1 weights, torchvision 0.14's <c>resnet.py</c>), whose name
/// ends in the first hex digits of its SHA-256 (the convention torch.hub's <c>check_hash</c> verifies).</summary>
public sealed partial record NamedWeights(string Name, string FileName, ModelKind Kind, int Depth)
{
    public string HashPrefix => HashInName().Match(FileName).Groups[1].Value;

    [GeneratedRegex(@"-([0-9a-f]+)\.")]
    private static partial Regex HashInName();
}

public static partial class PretrainedNames
{
    public static readonly IReadOnlyList<NamedWeights> Known =
    [
        new("torchvision:resnet18", "resnet18-f37072fd.pth", ModelKind.Resnet, 18),
        new("torchvision:resnet34", "resnet34-b627a593.pth", ModelKind.Resnet, 34),
        new("torchvision:resnet50", "resnet50-0676ba61.pth", ModelKind.Resnet, 50),
    ];

    /// <summary>A value shaped <c>source:model</c> (no slash) is a name, known or not; anything else is a path.</summary>
    public static bool IsName(string pretrained) => NameShape().IsMatch(pretrained);

    public static NamedWeights? Find(string pretrained) =>
        Known.FirstOrDefault(weights => weights.Name == pretrained);

    public static string UnknownProblem(string pretrained) =>
        $"expected a path or one of {string.Join(", ", Known.Select(weights => weights.Name))}, got '{pretrained}'";

    /// <summary>Null when the model settings are those the weights were trained with.</summary>
    public static (string Field, string Problem)? Mismatch(NamedWeights weights, ModelSpec model)
    {
        var expected = $"{weights.Name} fits model.kind {SpecNames.SnakeCase(weights.Kind.ToString())} with model.depth {weights.Depth}";
        if (model.Kind != weights.Kind)
            return ("model.kind", $"{expected}, got model.kind {SpecNames.SnakeCase(model.Kind.ToString())}");
        if (model.Depth != weights.Depth)
            return ("model.depth", $"{expected}, got model.depth {model.Depth}");
        return null;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9]*:[^/\\]+$")]
    private static partial Regex NameShape();
}
