using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <param name="Share">The parameter's main effect as a fraction of the objective's variance, averaged over the
/// forest's trees; null when <paramref name="NoShareReason"/> says why no number is right.</param>
/// <param name="ShareSpread">Standard deviation of that fraction over the trees.</param>
public sealed record ParameterImportance(string Path, ParameterScale Scale, int DistinctValues, double? Share,
    double? ShareSpread, string? NoShareReason);

/// <param name="OneAtATime">The sweep changed one parameter at a time from a baseline: variance shares would not
/// mean what they say, so <paramref name="Parameters"/> is empty and <paramref name="Effects"/> holds each
/// parameter's effect against the baseline instead.</param>
/// <param name="TrialCount">Trials with a finite objective.</param>
public sealed record ImportanceInfo(bool OneAtATime, IReadOnlyList<ParameterImportance> Parameters,
    IReadOnlyList<ParameterEffect> Effects, int TrialCount, IReadOnlyList<string> Caveats)
{
    /// <summary>What all main effects explain together (at most 1); the rest is interactions and fitted noise.</summary>
    public double? MainEffectsTotal => Parameters.Any(p => p.Share.HasValue) ? Parameters.Sum(p => p.Share ?? 0) : null;
}

/// <summary>How much of the objective's variance each parameter explains on its own: fANOVA (see
/// <see cref="Fanova"/>) on a random forest fitted to the scored trials, over the box of observed values.</summary>
public static class Importance
{
    /// <summary>Fewer scored trials than this give a forest too rough for its shares to be shown as numbers: with
    /// 10 noiseless trials a parameter the objective ignores still got up to 17 %, with 20 at most 2 %.</summary>
    public const int MinTrials = 20;
    public const string Method = "fANOVA main effects on a random forest";

    public static ImportanceInfo Analyze(SweepInfo sweep, IReadOnlyList<TrialInfo> trials, IReadOnlyList<ChangeEffect> effects)
    {
        var scored = trials.Where(t => t.Objective is { } o && double.IsFinite(o)).ToList();
        if (IsOneAtATime(trials))
            return new ImportanceInfo(true, [],
                ParameterEffects.Summarize(sweep.ParameterPaths, effects, new ObjectiveOrder(sweep.Maximize)), scored.Count, []);

        var encoded = sweep.ParameterPaths
            .Select(path => ParameterEncoding.Encode(path,
                scored.Select(t => ParameterValues.Of(t, path, sweep.BaselineValues.GetValueOrDefault(path))).ToList(),
                sweep.Parameter(path)))
            .ToList();
        var caveats = new List<string>();
        var inputs = encoded.Where(p => p.Domain is not null).ToList();
        var objectives = scored.Select(t => t.Objective!.Value).ToArray();
        IReadOnlyList<MeanSpread>? shares = null;
        if (scored.Count < MinTrials)
            caveats.Add($"Only {scored.Count} trial(s) have an objective; shares are shown from {MinTrials} on.");
        else if (inputs.Count > 0)
        {
            var rows = scored.Select((_, row) => inputs.Select(p => p.Inputs[row]).ToArray()).ToArray();
            shares = Fanova.MainEffects(RegressionForest.Fit(rows, objectives, inputs.Select(p => p.Domain!).ToList()));
            if (shares is null) caveats.Add("Every trial scored the same objective; there is no variance to explain.");
        }
        var single = encoded.Where(p => p.DistinctValues < 2).Select(p => p.Path).ToList();
        if (single.Count > 0)
            caveats.Add($"Fewer than 2 values with results for: {string.Join(", ", single)}; no share can be computed.");

        var parameters = encoded.Select(p =>
            {
                var share = shares is not null && p.Domain is not null ? shares[inputs.IndexOf(p)] : null;
                return new ParameterImportance(p.Path, p.Scale, p.DistinctValues, share?.Mean, share?.StandardDeviation,
                    share is not null ? null : NoShareReason(p, scored.Count));
            })
            .OrderByDescending(p => p.Share ?? -1)
            .ToList();
        return new ImportanceInfo(false, parameters, [], scored.Count, caveats);
    }

    /// <summary>OFAT and adaptive OFAT plan only the baseline, its single changes and pairs of them.</summary>
    public static bool IsOneAtATime(IReadOnlyList<TrialInfo> trials) =>
        trials.Count > 0 && trials.All(t => t.Role is TrialRoles.Baseline or TrialRoles.SingleChange or TrialRoles.Interaction);

    private static string NoShareReason(EncodedParameter parameter, int scored) =>
        scored < MinTrials ? "too few trials"
        : parameter.DistinctValues < 2 ? "one value"
        : parameter.Domain is null ? $"over {FeatureDomain.MaxCategories} categories"
        : "no variance";
}
