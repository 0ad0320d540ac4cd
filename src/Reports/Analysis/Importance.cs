using MathNet.Numerics.Statistics;
using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <param name="Share">Variance of the objective's per-value means (weighted by trials) over the objective's total
/// variance; null when the parameter took only one value.</param>
public sealed record ParameterImportance(string Path, double? Share, int DistinctValues);

public sealed record ImportanceInfo(string Method, IReadOnlyList<ParameterImportance> Parameters, int TrialCount,
    IReadOnlyList<string> Caveats);

/// <summary>fANOVA-style main effects: how much of the objective's variance each parameter's marginal means explain.
/// Unlike fANOVA it uses the trials as they are (no fitted forest), so with OFAT each marginal mixes the other
/// parameters' changes into the baseline value's mean.</summary>
public static class Importance
{
    public const int FewTrials = 10;
    public const string Method = "main-effect variance share (fANOVA-style): Var(marginal means of each value, weighted by trials) / Var(objective)";

    public static ImportanceInfo Analyze(SweepInfo sweep, IEnumerable<TrialInfo> trials)
    {
        var scored = trials.Where(t => t.Objective is { } o && double.IsFinite(o)).ToList();
        var objectives = scored.Select(t => t.Objective!.Value).ToArray();
        var total = objectives.Length > 1 ? objectives.PopulationVariance() : 0;
        var parameters = sweep.ParameterPaths
            .Select(path => Analyze(path, sweep.BaselineValues.GetValueOrDefault(path), scored, total))
            .OrderByDescending(p => p.Share ?? -1)
            .ToList();

        var caveats = new List<string>();
        if (scored.Count < FewTrials)
            caveats.Add($"Only {scored.Count} trial(s) have an objective; shares from fewer than {FewTrials} are rough.");
        var single = parameters.Where(p => p.DistinctValues < 2).Select(p => p.Path).ToList();
        if (single.Count > 0)
            caveats.Add($"Fewer than 2 values with results for: {string.Join(", ", single)}; no share can be computed.");
        if (scored.Count > 1 && total == 0)
            caveats.Add("Every trial scored the same objective; there is no variance to explain.");
        return new ImportanceInfo(Method, parameters, scored.Count, caveats);
    }

    private static ParameterImportance Analyze(string path, string? baselineValue, IReadOnlyList<TrialInfo> scored, double total)
    {
        var groups = scored.GroupBy(t => ParameterValues.Of(t, path, baselineValue) ?? "")
            .Select(g => (Count: g.Count(), Mean: g.Average(t => t.Objective!.Value)))
            .ToList();
        if (groups.Count < 2 || total <= 0) return new ParameterImportance(path, null, groups.Count);
        var grandMean = scored.Average(t => t.Objective!.Value);
        var between = groups.Sum(g => g.Count * (g.Mean - grandMean) * (g.Mean - grandMean)) / scored.Count;
        return new ParameterImportance(path, Math.Clamp(between / total, 0, 1), groups.Count);
    }
}
