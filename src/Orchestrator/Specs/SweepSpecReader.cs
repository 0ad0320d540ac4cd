using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Specs;

/// <summary>Reads a sweep file: its baseline trial and its <c>search:</c> section, with every listed value
/// checked against the baseline at load time so that a typo fails before any trial runs.</summary>
public static class SweepSpecReader
{
    /// <param name="presets">Looks up <c>model.preset</c> names.</param>
    public static SweepSpec Read(string path, Func<string, ModelSpec> presets) =>
        ReadText(SpecFile.ReadAllText(path), path, presets);

    public static SweepSpec ReadText(string text, string path, Func<string, ModelSpec> presets)
    {
        var document = SpecDocument.Parse(text, path);
        var baseline = document.BindTrial(presets);
        var search = SearchSectionReader.Read(document, presets);
        var baselineValues = search.Parameters.ToDictionary(
            parameter => parameter.Path,
            parameter => FlowText.Format(SpecPaths.ValueAt(baseline, parameter.Path)));
        return new SweepSpec(path, text, baseline, search, baselineValues);
    }

    /// <summary>The baseline with <paramref name="changes"/> (dotted path, flow text) applied and the trial's
    /// seed set. The presets are needed again because a change may pick another <c>model.preset</c>.</summary>
    public static TrialSpec ResolveTrial(SweepSpec spec, IReadOnlyList<(string Path, string Value)> changes,
        long seed, Func<string, ModelSpec> presets)
    {
        var overrides = changes
            .Select(change => SpecOverride.FromSearch(change.Path, change.Value,
                spec.Search.Parameters.FirstOrDefault(parameter => parameter.Path == change.Path)?.Line))
            .ToList();
        return SpecDocument.BindTrial(spec.Text, spec.SourcePath, presets, overrides) with { Seed = seed };
    }
}
