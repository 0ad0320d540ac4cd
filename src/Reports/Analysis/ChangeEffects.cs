using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

public enum EffectVerdict { Better, Worse, WithinNoise, NoiseUnknown }

/// <summary>One configuration compared with the baseline of its round.</summary>
/// <param name="Changes">What this configuration changes on top of its reference (OFAT: one change).</param>
/// <param name="ObjectiveNoise">Standard error of the difference; null with one repeat (noise unknown).</param>
public sealed record ChangeEffect(
    ConfigGroup Config,
    IReadOnlyList<ChangeInfo> Changes,
    MeanSpread Objective,
    MeanSpread Reference,
    double DeltaObjective,
    double? ObjectiveNoise,
    MeanSpread? Gap,
    MeanSpread? ReferenceGap,
    double? DeltaGap,
    double? GapNoise,
    EffectVerdict Verdict);

public static class ChangeEffects
{
    /// <summary>Δ objective and Δ gap of every single-change configuration against the baseline of its round,
    /// sorted best improvement first.</summary>
    public static IReadOnlyList<ChangeEffect> Analyze(IEnumerable<TrialInfo> trials, bool maximize,
        DiagnosisThresholds thresholds)
    {
        var order = new ObjectiveOrder(maximize);
        var groups = ConfigGroup.GroupAll(trials);
        var effects = new List<ChangeEffect>();
        foreach (var group in groups.Where(g => g.Role == TrialRoles.SingleChange))
        {
            var reference = RoundBaseline(groups, group.Round);
            if (reference is null) continue;
            var effect = Compare(group, reference, order, thresholds);
            if (effect is not null) effects.Add(effect);
        }
        return effects.OrderByDescending(e => order.Improvement(e.DeltaObjective)).ToList();
    }

    /// <summary>The baseline configuration planned in <paramref name="round"/>; round 0 falls back to the sweep baseline.</summary>
    public static ConfigGroup? RoundBaseline(IReadOnlyList<ConfigGroup> groups, int round) =>
        groups.FirstOrDefault(g => g.IsBaseline && g.Round == round)
        ?? groups.Where(g => g.IsBaseline && g.Round < round).OrderByDescending(g => g.Round).FirstOrDefault();

    public static ChangeEffect? Compare(ConfigGroup config, ConfigGroup reference, ObjectiveOrder order,
        DiagnosisThresholds thresholds)
    {
        if (config.Objective is not { } objective || reference.Objective is not { } referenceObjective) return null;
        var delta = objective.Mean - referenceObjective.Mean;
        var noise = MeanSpread.CombinedError(objective, referenceObjective);
        var gap = config.Gap;
        var referenceGap = reference.Gap;
        return new ChangeEffect(
            config,
            ChangesBeyond(config.Changes, reference.Changes),
            objective,
            referenceObjective,
            delta,
            noise,
            gap,
            referenceGap,
            gap is not null && referenceGap is not null ? gap.Mean - referenceGap.Mean : null,
            MeanSpread.CombinedError(gap, referenceGap),
            Judge(order.Improvement(delta), noise, thresholds));
    }

    public static EffectVerdict Judge(double improvement, double? noise, DiagnosisThresholds thresholds)
    {
        if (noise is not { } standardError) return EffectVerdict.NoiseUnknown;
        if (Math.Abs(improvement) <= thresholds.NoiseStandardErrors * standardError) return EffectVerdict.WithinNoise;
        return improvement > 0 ? EffectVerdict.Better : EffectVerdict.Worse;
    }

    /// <summary>Changes of <paramref name="changes"/> that the reference does not already make.</summary>
    public static IReadOnlyList<ChangeInfo> ChangesBeyond(IReadOnlyList<ChangeInfo> changes, IReadOnlyList<ChangeInfo> reference) =>
        changes.Where(c => !reference.Any(r => r.Path == c.Path && r.Value == c.Value)).ToList();
}
