using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

public sealed record HighlightedCurve(TrialInfo Trial, string Reason);

/// <summary>Which trials get full-size learning curves and which get small multiples.</summary>
public static class CurveSelection
{
    public static IReadOnlyList<HighlightedCurve> Highlights(IReadOnlyList<LeaderboardRow> leaderboard,
        IReadOnlyList<DiagnosedTrial> ranked, int worstOverfitting)
    {
        var picks = new List<HighlightedCurve>();
        void Add(TrialInfo? trial, string reason)
        {
            if (trial is null || trial.Epochs.Count == 0 || picks.Any(p => p.Trial.Index == trial.Index)) return;
            picks.Add(new HighlightedCurve(trial, reason));
        }

        Add(leaderboard.FirstOrDefault(r => r.Rank == 1)?.BestTrial, "best trial");
        Add(leaderboard.FirstOrDefault(r => r.Config.IsBaseline && r.Config.Round == 0)?.Config.Trials[0], "baseline");
        foreach (var worst in ranked.Where(d => d.Diagnosis.Kind is DiagnosisKind.Overfitting or DiagnosisKind.HighVariance)
                     .Take(worstOverfitting))
            Add(worst.Trial, $"{worst.Diagnosis.Kind.Label()}, severity {worst.Diagnosis.Severity:0.0}");
        return picks;
    }

    /// <summary>A curve needs two epochs: one epoch is a point, which a thumbnail would draw as an empty frame.</summary>
    public const int CurveEpochs = 2;

    /// <summary>Trials with curves in leaderboard order (best configuration first), at most <paramref name="cap"/>.</summary>
    public static IReadOnlyList<TrialInfo> SmallMultiples(IReadOnlyList<LeaderboardRow> leaderboard, int cap) =>
        leaderboard.SelectMany(r => r.Config.Trials).Where(HasCurve).Take(cap).ToList();

    public static int WithCurves(IEnumerable<TrialInfo> trials) => trials.Count(HasCurve);

    /// <summary>Trials that recorded exactly one epoch (pruned at a first rung, or just started).</summary>
    public static int SingleEpoch(IEnumerable<TrialInfo> trials) => trials.Count(t => t.Epochs.Count == 1);

    public static bool HasCurve(TrialInfo trial) => trial.Epochs.Count >= CurveEpochs;
}
