using Sweep.Trials.Specs;
using YamlDotNet.RepresentationModel;

namespace Sweep.Orchestrator.Specs;

/// <summary>What a spec gets without asking for it that changes what is trained, said before anything runs.</summary>
public static class ImplicitDefaults
{
    public static IReadOnlyList<string> Of(SweepSpec spec)
    {
        if (spec.Baseline.Kind == TrialKind.Synthetic || WritesSection(spec, "dataset"))
            return [];
        return [$"{spec.SourcePath}: no dataset section, so the trials train on {EnumSpelling.Format(spec.Baseline.Dataset.Name)} (write one to choose)"];
    }

    private static bool WritesSection(SweepSpec spec, string key) =>
        SpecDocument.Parse(spec.Text, spec.SourcePath).Root.Children.Keys
            .Any(written => written is YamlScalarNode { Value: var name } && name == key);
}
