using Sweep.Trials.Specs;
using YamlDotNet.RepresentationModel;

namespace Sweep.Orchestrator.Specs;

/// <summary>What a spec gets without asking for it that changes what is trained, said before anything runs.</summary>
public static class ImplicitDefaults
{
    public static IReadOnlyList<string> Of(SweepSpec spec) => Of(spec.Baseline, spec.Text, spec.SourcePath);

    /// <param name="text">The spec file's text, which says what was written rather than defaulted.</param>
    public static IReadOnlyList<string> Of(TrialSpec trial, string text, string path)
    {
        if (trial.Kind == TrialKind.Synthetic || WritesSection(text, path, "dataset"))
            return [];
        return [$"{path}: no dataset section, so the trials train on {EnumSpelling.Format(trial.Dataset.Name)} (write one to choose)"];
    }

    private static bool WritesSection(string text, string path, string key) =>
        SpecDocument.Parse(text, path).Root.Children.Keys
            .Any(written => written is YamlScalarNode { Value: var name } && name == key);
}
