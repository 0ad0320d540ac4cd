using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Data;

namespace Sweep.Orchestrator.Cli;

/// <summary>The data of every planned trial, read before any trial starts (see <see cref="DataPreflight"/>); run
/// and resume both check, since the files may have changed since the sweep started.</summary>
public static class SweepDataCheck
{
    public static void Check(SpecLoader loader, SweepSpec spec, string? dataDirectory) =>
        DataPreflight.Check(SweepPlanner.InitialPlan(spec).Select(trial => loader.Resolve(spec, trial).Dataset),
            dataDirectory, spec.SourcePath);
}
