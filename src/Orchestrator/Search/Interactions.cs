using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>Which single changes are run in pairs: once the written baseline and every single change have
/// finished, the <c>Interactions</c> (K) changes that improve the objective most over the baseline by mean,
/// at most one value per parameter, paired with each other.</summary>
public static class Interactions
{
    /// <summary>The changes selected for pairing, best first; empty until the first pass has finished or when
    /// K is 0 or nothing improves on the baseline.</summary>
    public static IReadOnlyList<ParameterChange> SelectChanges(SweepSpec spec, IReadOnlyList<TrialObservation> history)
    {
        var wanted = spec.Search.Interactions;
        if (wanted <= 0 || !ConfigurationProgress.HasFinished(SingleChanges.FirstPass(spec), history))
            return [];
        var summaries = ConfigurationSummary.Measure(history);
        if (!summaries.TryGetValue(ConfigKeys.Baseline, out var baseline))
            return [];
        var mode = spec.Baseline.Objective.Mode;
        return SingleChanges.OnTopOf(spec, [], round: 0)
            .Select(configuration => summaries.GetValueOrDefault(configuration.Key))
            .OfType<ConfigurationSummary>()
            .Select(single => (Change: single.Changes[0], Gain: ObjectiveGain.Of(mode, single.Mean, baseline.Mean)))
            .Where(candidate => candidate.Gain > 0)
            .OrderByDescending(candidate => candidate.Gain)
            .DistinctBy(candidate => candidate.Change.Path, StringComparer.Ordinal)
            .Take(wanted)
            .Select(candidate => candidate.Change)
            .ToList();
    }

    /// <summary>Every pair of the selected changes, in order of their ranks.</summary>
    public static IReadOnlyList<(ParameterChange First, ParameterChange Second)> SelectPairs(SweepSpec spec,
        IReadOnlyList<TrialObservation> history)
    {
        var selected = SelectChanges(spec, history);
        var pairs = new List<(ParameterChange, ParameterChange)>();
        for (var first = 0; first < selected.Count; first++)
            for (var second = first + 1; second < selected.Count; second++)
                pairs.Add((selected[first], selected[second]));
        return pairs;
    }

    public static IReadOnlyList<Configuration> Configurations(SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        SelectPairs(spec, history)
            .Select(pair => new Configuration([pair.First, pair.Second], TrialRoles.Interaction))
            .ToList();
}
