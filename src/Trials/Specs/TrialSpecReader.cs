namespace Sweep.Trials.Specs;

/// <summary>Reads the trial part of a spec file.</summary>
public static class TrialSpecReader
{
    /// <param name="presets">Looks up <c>model.preset</c> names.</param>
    public static TrialSpec Read(string path, Func<string, ModelSpec> presets) =>
        ReadText(SpecFile.ReadAllText(path), path, presets);

    public static TrialSpec ReadText(string text, string path, Func<string, ModelSpec> presets,
        IReadOnlyList<SpecOverride>? overrides = null) =>
        SpecDocument.Parse(text, path).BindTrial(presets, overrides);
}
