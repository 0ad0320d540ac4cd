using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <param name="Chosen">The round's best single change, or null when no change of the round has an objective yet.</param>
/// <param name="Improved">Whether the chosen change beat the round's baseline.</param>
public sealed record AdaptiveRound(int Round, ConfigGroup Baseline, ChangeEffect? Chosen, int ConfigurationsTried, bool Improved);

public static class AdaptivePath
{
    /// <summary>One row per round of adaptive OFAT; empty unless some trial has Round &gt; 0.</summary>
    public static IReadOnlyList<AdaptiveRound> Analyze(IEnumerable<TrialInfo> trials, bool maximize,
        DiagnosisThresholds thresholds)
    {
        var list = trials.ToList();
        if (!list.Any(t => t.Round > 0)) return [];
        var order = new ObjectiveOrder(maximize);
        var groups = ConfigGroup.GroupAll(list);
        var effects = ChangeEffects.Analyze(list, maximize, thresholds);
        var rounds = new List<AdaptiveRound>();
        foreach (var round in groups.Select(g => g.Round).Distinct().Order())
        {
            var baseline = ChangeEffects.RoundBaseline(groups, round, order);
            if (baseline is null) continue;
            var roundEffects = effects.Where(e => e.Config.Round == round).ToList();
            var chosen = roundEffects.FirstOrDefault();
            rounds.Add(new AdaptiveRound(round, baseline, chosen,
                groups.Count(g => g.Round == round && g.Role == TrialRoles.SingleChange),
                chosen is not null && order.Improvement(chosen.DeltaObjective) > 0));
        }
        return rounds;
    }
}
