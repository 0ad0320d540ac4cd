using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Data;
using Sweep.Trials.Models;

namespace Sweep.Orchestrator.Cli;

/// <summary>The data and named weights of every planned trial, read before any trial starts (see
/// <see cref="DataPreflight"/> and <see cref="NamedWeightsPreflight"/>); run and resume both check, since the files
/// may have changed since the sweep started.</summary>
public static class SweepDataCheck
{
    public static void Check(SpecLoader loader, SweepSpec spec, string? dataDirectory)
    {
        var trials = SweepPlanner.InitialPlan(spec).Select(trial => loader.Resolve(spec, trial)).ToList();
        DataPreflight.Check(trials.Select(trial => trial.Dataset), dataDirectory, spec.SourcePath);
        NamedWeightsPreflight.Check(trials.Select(trial => trial.Model), spec.SourcePath);
    }
}
