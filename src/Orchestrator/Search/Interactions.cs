using Sweep.Reports.Model;
using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>Which single changes are run in pairs: once the written baseline and every single change have
/// finished, the <c>Interactions</c> (K) changes with the largest supported improvement over the baseline
/// (<see cref="JudgedConfiguration.Supported"/>), at most one value per parameter, paired with each other.</summary>
public static class Interactions
{
    public const string DecisionKey = "interactions";

    /// <summary>The choice of changes to pair, with every round-0 change as judged; null until the first pass has
    /// finished, when K is 0, or when the baseline has no measurement.</summary>
    public static SearchDecision? Decide(SweepSpec spec, IReadOnlyList<TrialObservation> history)
    {
        var wanted = spec.Search.Interactions;
        if (wanted <= 0 || !ConfigurationProgress.HasFinished(SingleChanges.FirstPass(spec), history))
            return null;
        var summaries = ConfigurationSummary.Measure(history);
        if (!summaries.TryGetValue(ConfigKeys.Baseline, out var baseline))
            return null;
        var mode = spec.Baseline.Objective.Mode;
        var judged = SingleChanges.OnTopOf(spec, [], round: 0)
            .Select(configuration => summaries.GetValueOrDefault(configuration.Key))
            .OfType<ConfigurationSummary>()
            .Select(single => JudgedConfiguration.Against(mode, single, baseline))
            .ToList();
        var chosen = judged
            .Where(candidate => candidate.Supported)
            .OrderByDescending(candidate => candidate.Gain)
            .DistinctBy(candidate => candidate.Measured.Changes[0].Path, StringComparer.Ordinal)
            .Take(wanted)
            .Select(candidate => candidate.Measured.ConfigKey)
            .ToList();
        return new SearchDecision(DecisionKey, DecisionKinds.InteractionPairs, 0, [],
            MeasuredConfiguration.Of(baseline), judged, chosen, null);
    }

    /// <summary>The changes selected for pairing, best first; empty until the first pass has finished, when K is 0,
    /// or when no change is supported.</summary>
    public static IReadOnlyList<ParameterChange> SelectChanges(SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        Decide(spec, history) is { } decision
            ? decision.Chosen
                .Select(key => decision.Candidates.First(c => c.Measured.ConfigKey == key).Measured.Changes[0])
                .ToList()
            : [];

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
