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
            var reference = RoundBaseline(groups, group.Round, order);
            if (reference is null) continue;
            var effect = Compare(group, reference, order, thresholds);
            if (effect is not null) effects.Add(effect);
        }
        return effects.OrderByDescending(e => order.Improvement(e.DeltaObjective)).ToList();
    }

    /// <summary>The configuration a round's changes are measured against. Round 0 (and any round that planned a
    /// baseline) uses its baseline. A later adaptive round re-uses an earlier configuration as its baseline instead of
    /// re-running it: the changes every trial of the round shares, or with a single trial, the best earlier
    /// configuration it extends by one change.</summary>
    public static ConfigGroup? RoundBaseline(IReadOnlyList<ConfigGroup> groups, int round, ObjectiveOrder order)
    {
        var planned = groups.FirstOrDefault(g => g.IsBaseline && g.Round == round);
        if (planned is not null || round == 0)
            return planned ?? groups.FirstOrDefault(g => g.IsBaseline);
        var members = groups.Where(g => g.Round == round && !g.IsBaseline).Select(g => ChangeSet(g.Changes)).ToList();
        if (members.Count == 0)
            return null;
        var earlier = groups.Where(g => g.Round < round).ToList();
        if (members.Count > 1)
        {
            var shared = members.Aggregate((a, b) => [.. a.Intersect(b)]);
            return earlier.FirstOrDefault(g => ChangeSet(g.Changes).SetEquals(shared));
        }
        return earlier
            .Where(g => g.Changes.Count == members[0].Count - 1 && ChangeSet(g.Changes).IsSubsetOf(members[0]))
            .OrderByDescending(g => g.Round)
            .ThenByDescending(g => g.Objective is { } o ? order.Improvement(o.Mean) : double.NegativeInfinity)
            .FirstOrDefault();
    }

    private static HashSet<string> ChangeSet(IEnumerable<ChangeInfo> changes) =>
        [.. changes.Select(c => $"{c.Path}={c.Value}")];

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
