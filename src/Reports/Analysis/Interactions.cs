using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

public enum InteractionVerdict { Additive, Synergy, Interference, NoiseUnknown }

/// <summary>Did changing A and B together do what A alone plus B alone predicts?</summary>
/// <param name="Residual">Δpair − (Δa + Δb).</param>
/// <param name="Noise">The residual judged against seed noise (pair, a, b and baseline all carry it).</param>
public sealed record InteractionCheck(
    ConfigGroup Pair,
    ChangeInfo First,
    ChangeInfo Second,
    double DeltaPair,
    double DeltaFirst,
    double DeltaSecond,
    double Residual,
    NoiseJudgement Noise)
{
    public InteractionVerdict Verdict => Noise.Verdict switch
    {
        EffectVerdict.Better => InteractionVerdict.Synergy,
        EffectVerdict.Worse => InteractionVerdict.Interference,
        EffectVerdict.WithinNoise => InteractionVerdict.Additive,
        _ => InteractionVerdict.NoiseUnknown,
    };

    public double Expected => DeltaFirst + DeltaSecond;
}

public static class Interactions
{
    public static IReadOnlyList<InteractionCheck> Analyze(IEnumerable<TrialInfo> trials, bool maximize)
    {
        var order = new ObjectiveOrder(maximize);
        var groups = ConfigGroup.GroupAll(trials);
        var checks = new List<InteractionCheck>();
        foreach (var pair in groups.Where(g => g.Role == TrialRoles.Interaction))
        {
            var baseline = ChangeEffects.RoundBaseline(groups, pair.Round, order);
            var own = baseline is null ? [] : ChangeEffects.ChangesBeyond(pair.Changes, baseline.Changes);
            if (baseline?.Objective is not { } baseObjective || own.Count != 2 || pair.Objective is not { } pairObjective)
                continue;
            var first = SingleChange(groups, baseline, own[0]);
            var second = SingleChange(groups, baseline, own[1]);
            if (first?.Objective is not { } firstObjective || second?.Objective is not { } secondObjective) continue;

            var deltaPair = pairObjective.Mean - baseObjective.Mean;
            var deltaFirst = firstObjective.Mean - baseObjective.Mean;
            var deltaSecond = secondObjective.Mean - baseObjective.Mean;
            var residual = deltaPair - deltaFirst - deltaSecond;
            var noise = SeedNoise.Judge(order.Improvement(residual),
                pairObjective.Seed, firstObjective.Seed, secondObjective.Seed, baseObjective.Seed);
            checks.Add(new InteractionCheck(pair, own[0], own[1], deltaPair, deltaFirst, deltaSecond, residual, noise));
        }
        return checks;
    }

    private static ConfigGroup? SingleChange(IReadOnlyList<ConfigGroup> groups, ConfigGroup baseline, ChangeInfo change) =>
        groups.FirstOrDefault(g => g.Role == TrialRoles.SingleChange && g.Round == baseline.Round
            && ChangeEffects.ChangesBeyond(g.Changes, baseline.Changes) is [var only]
            && only.Path == change.Path && only.Value == change.Value);
}
