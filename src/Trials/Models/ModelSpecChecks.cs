using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>Rejects model settings that no network can be built from. Convolution settings are only checked for
/// CNNs and the depth only for ResNets, because the other kinds ignore them and a sweep may vary the kind while
/// keeping them. A spec file's depth and named weights are already checked, with their lines, when it is read
/// (SpecRanges, TrialConsistency); this catches specs built in code.</summary>
internal static class ModelSpecChecks
{
    public const int MaxConvBlocks = 7;

    public static void Validate(ModelSpec spec, string specFile)
    {
        if (spec.Kind == ModelKind.Cnn)
        {
            RequireRange(spec.ConvBlocks, 1, MaxConvBlocks, "model.conv_blocks", specFile);
            RequireRange(spec.ConvsPerBlock, 1, 8, "model.convs_per_block", specFile);
            RequireRange(spec.Channels, 1, 4096, "model.channels", specFile);
            if (!(spec.Growth > 0 && spec.Growth <= 8))
                throw new SpecException(specFile, null, "model.growth", $"expected a number in (0, 8], got {spec.Growth}");
            RequireRange(spec.KernelSize, 1, 31, "model.kernel_size", specFile);
            RequireRange(spec.Padding, 0, 31, "model.padding", specFile);
            RequireRange(spec.Stride, 1, 31, "model.stride", specFile);
            RequireRange(spec.Dilation, 1, 31, "model.dilation", specFile);
            RequireProbability(spec.Dropout2d, "model.dropout2d", specFile);
        }
        if (spec.Kind == ModelKind.Resnet && !SpecRanges.ByPath["model.depth"].Contains(spec.Depth))
            throw new SpecException(specFile, null, "model.depth",
                $"expected {SpecRanges.ByPath["model.depth"].Describe(integer: true)}, got {spec.Depth}");
        RequireProbability(spec.Dropout, "model.dropout", specFile);
        for (var index = 0; index < spec.Hidden.Count; index++)
            RequireRange(spec.Hidden[index], 1, 1 << 20, $"model.hidden[{index}]", specFile);
        if (spec.ReplaceHead && string.IsNullOrWhiteSpace(spec.Pretrained))
            throw new SpecException(specFile, null, "model.replace_head",
                "a fresh head only makes sense on top of pretrained weights; set model.pretrained");
        if (spec.Pretrained is { } pretrained && PretrainedNames.IsName(pretrained))
        {
            if (PretrainedNames.Find(pretrained) is not { } weights)
                throw new SpecException(specFile, null, "model.pretrained", PretrainedNames.UnknownProblem(pretrained));
            if (PretrainedNames.Mismatch(weights, spec) is var (field, problem))
                throw new SpecException(specFile, null, field, problem);
        }
    }

    private static void RequireRange(int value, int min, int max, string field, string specFile)
    {
        if (value < min || value > max)
            throw new SpecException(specFile, null, field, $"expected an integer from {min} to {max}, got {value}");
    }

    private static void RequireProbability(double value, string field, string specFile)
    {
        if (!(value >= 0 && value < 1))
            throw new SpecException(specFile, null, field, $"expected a probability in [0, 1), got {value}");
    }
}
