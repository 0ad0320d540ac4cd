using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>One trial as a line across the parallel axes: each parameter's position from 0 to 1 on its axis.</summary>
public sealed record ParallelLine(int TrialIndex, IReadOnlyList<double> Positions, double Objective);

/// <summary>One trial in a slice plot: its value of the parameter on the axis's own scale and its objective.</summary>
public sealed record SlicePoint(int TrialIndex, double Position, double Objective);

public sealed record SliceInfo(SearchAxis Axis, IReadOnlyList<SlicePoint> Points);

/// <summary>Optuna's parallel coordinates and slice plots over the trials that trained their whole budget: a
/// pruned trial's objective is from fewer epochs and would read as a poor configuration.</summary>
/// <param name="Shown">False for one-change-at-a-time sweeps, whose trials sit on the baseline's lines.</param>
public sealed record SearchSpaceInfo(bool Shown, IReadOnlyList<SearchAxis> Axes, IReadOnlyList<ParallelLine> Lines,
    IReadOnlyList<SliceInfo> Slices, int LeftOut);

public static class SearchSpaceView
{
    public static readonly IReadOnlyList<string> Strategies = ["grid", "random"];

    public static SearchSpaceInfo Analyze(SweepInfo sweep, IReadOnlyList<TrialInfo> trials)
    {
        if (!Strategies.Contains(sweep.Strategy)) return new SearchSpaceInfo(false, [], [], [], 0);
        var scored = trials.Where(t => t.Objective is { } o && double.IsFinite(o)).ToList();
        var used = scored.Where(t => t.HadFullBudget).ToList();
        string Value(TrialInfo t, string path) => ParameterValues.Of(t, path, sweep.BaselineValues.GetValueOrDefault(path)) ?? "";
        var axes = sweep.Parameters.Select(p => SearchAxis.For(p, used.Select(t => Value(t, p.Path)).ToList())).ToList();
        var lines = used.Select(t => new ParallelLine(t.Index, axes.Select(a => a.Normalized(Value(t, a.Path))).ToList(), t.Objective!.Value)).ToList();
        var slices = axes.Select(a => new SliceInfo(a,
            used.Select(t => new SlicePoint(t.Index, a.Position(Value(t, a.Path)), t.Objective!.Value)).ToList())).ToList();
        return new SearchSpaceInfo(true, axes, lines, slices, scored.Count - used.Count);
    }
}
