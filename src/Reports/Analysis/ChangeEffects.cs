using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>One configuration compared with the baseline of its round.</summary>
/// <param name="Changes">What this configuration changes on top of its reference (OFAT: one change).</param>
/// <param name="Noise">The difference judged against seed noise by <see cref="SeedNoise"/>.</param>
/// <param name="GapNoise">Standard error of the gap's difference; null with one repeat.</param>
public sealed record ChangeEffect(
    ConfigGroup Config,
    IReadOnlyList<ChangeInfo> Changes,
    MeanSpread Objective,
    MeanSpread Reference,
    double DeltaObjective,
    NoiseJudgement Noise,
    MeanSpread? Gap,
    MeanSpread? ReferenceGap,
    double? DeltaGap,
    double? GapNoise)
{
    public EffectVerdict Verdict => Noise.Verdict;
}

public static class ChangeEffects
{
    /// <summary>Δ objective and Δ gap of every single-change configuration against the baseline of its round,
    /// sorted best improvement first. Where the strategy recorded a decision on the change, its judgement is the one
    /// shown, so the table and the adaptive path cannot disagree.</summary>
    public static IReadOnlyList<ChangeEffect> Analyze(IEnumerable<TrialInfo> trials, bool maximize,
        IReadOnlyList<DecisionInfo>? decisions = null)
    {
        var order = new ObjectiveOrder(maximize);
        var groups = ConfigGroup.GroupAll(trials);
        var effects = new List<ChangeEffect>();
        foreach (var group in groups.Where(g => g.Role == TrialRoles.SingleChange))
        {
            var reference = RoundBaseline(groups, group.Round, order);
            if (reference is null) continue;
            var effect = Compare(group, reference, order);
            if (effect is null) continue;
            effects.Add(Recorded(decisions ?? [], group, reference) is { } recorded ? effect with { Noise = recorded } : effect);
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

    private static NoiseJudgement? Recorded(IReadOnlyList<DecisionInfo> decisions, ConfigGroup config, ConfigGroup reference) =>
        decisions
            .Where(decision => decision.Reference?.ConfigKey == reference.ConfigKey)
            .SelectMany(decision => decision.Candidates)
            .FirstOrDefault(candidate => candidate.Measured.ConfigKey == config.ConfigKey)?.Noise;

    private static HashSet<string> ChangeSet(IEnumerable<ChangeInfo> changes) =>
        [.. changes.Select(c => $"{c.Path}={c.Value}")];

    public static ChangeEffect? Compare(ConfigGroup config, ConfigGroup reference, ObjectiveOrder order)
    {
        if (config.Objective is not { } objective || reference.Objective is not { } referenceObjective) return null;
        var delta = objective.Mean - referenceObjective.Mean;
        var gap = config.Gap;
        var referenceGap = reference.Gap;
        return new ChangeEffect(
            config,
            ChangesBeyond(config.Changes, reference.Changes),
            objective,
            referenceObjective,
            delta,
            SeedNoise.Judge(order.Improvement(delta), objective.Seed, referenceObjective.Seed),
            gap,
            referenceGap,
            gap is not null && referenceGap is not null ? gap.Mean - referenceGap.Mean : null,
            MeanSpread.CombinedError(gap, referenceGap));
    }

    /// <summary>Changes of <paramref name="changes"/> that the reference does not already make.</summary>
    public static IReadOnlyList<ChangeInfo> ChangesBeyond(IReadOnlyList<ChangeInfo> changes, IReadOnlyList<ChangeInfo> reference) =>
        changes.Where(c => !reference.Any(r => r.Path == c.Path && r.Value == c.Value)).ToList();
}
