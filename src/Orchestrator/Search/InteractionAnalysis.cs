using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Search;

public enum InteractionKind { Additive, Synergy, Interference }

/// <summary>Whether two changes together do what their separate effects predict. Deltas are mean objective minus
/// the baseline's mean, in objective units (negative is better when minimizing).</summary>
/// <param name="Difference">Δpair − (Δa + Δb).</param>
/// <param name="StandardError">Standard error of <paramref name="Difference"/>, from the four means involved.</param>
/// <param name="Kind">Additive when |Difference| ≤ StandardError; otherwise synergy when the pair does better than
/// predicted, interference when worse.</param>
public sealed record InteractionEffect(
    ParameterChange First,
    ParameterChange Second,
    double DeltaFirst,
    double DeltaSecond,
    double DeltaPair,
    double ExpectedAdditive,
    double Difference,
    double StandardError,
    InteractionKind Kind);

public static class InteractionAnalysis
{
    /// <summary>One effect per selected pair whose pair, single changes and baseline all have measurements.</summary>
    public static IReadOnlyList<InteractionEffect> Analyze(SweepSpec spec, IReadOnlyList<TrialObservation> history)
    {
        var summaries = ConfigurationSummary.Measure(history);
        if (!summaries.TryGetValue(ConfigKeys.Baseline, out var baseline))
            return [];
        var effects = new List<InteractionEffect>();
        foreach (var (first, second) in Interactions.SelectPairs(spec, history))
        {
            if (summaries.GetValueOrDefault(ConfigKeys.Of([first])) is { } alone1
                && summaries.GetValueOrDefault(ConfigKeys.Of([second])) is { } alone2
                && summaries.GetValueOrDefault(ConfigKeys.Of([first, second])) is { } together)
                effects.Add(Effect(spec.Baseline.Objective.Mode, first, second, baseline, alone1, alone2, together));
        }
        return effects;
    }

    public static InteractionEffect Effect(ObjectiveMode mode, ParameterChange first, ParameterChange second,
        ConfigurationSummary baseline, ConfigurationSummary firstAlone, ConfigurationSummary secondAlone,
        ConfigurationSummary together)
    {
        var deltaFirst = firstAlone.Mean - baseline.Mean;
        var deltaSecond = secondAlone.Mean - baseline.Mean;
        var deltaPair = together.Mean - baseline.Mean;
        var expected = deltaFirst + deltaSecond;
        var difference = deltaPair - expected;
        var error = ObjectiveGain.CombinedError(baseline.StandardError, firstAlone.StandardError,
            secondAlone.StandardError, together.StandardError);
        var kind = Math.Abs(difference) <= error ? InteractionKind.Additive
            : ObjectiveGain.IsBetter(mode, difference, 0) ? InteractionKind.Synergy
            : InteractionKind.Interference;
        return new InteractionEffect(first, second, deltaFirst, deltaSecond, deltaPair, expected, difference, error,
            kind);
    }
}
