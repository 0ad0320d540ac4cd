using Sweep.Orchestrator.Search;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Specs;

/// <summary>Reads sweep specs with the real model presets, and turns a planned trial into the trial spec it trains.</summary>
public sealed class SpecLoader
{
    public SweepSpec ReadFile(string path) => SweepSpecReader.Read(path, Presets(path));

    public SweepSpec Read(string text, string path) => SweepSpecReader.ReadText(text, path, Presets(path));

    public TrialSpec Resolve(SweepSpec spec, PlannedTrial trial) =>
        SweepSpecReader.ResolveTrial(spec, trial.Changes.Select(c => (c.Path, c.Value)).ToList(), trial.Seed,
            Presets(spec.SourcePath));

    private static Func<string, ModelSpec> Presets(string path) => name => ModelPresets.Named(name, path);
}
