using Sweep.Orchestrator.Contracts;

namespace Sweep.Orchestrator.Search;

/// <summary>A configuration's objective over its measured repeats.</summary>
/// <param name="StandardError">Sample standard deviation / √Count; 0 with a single repeat.</param>
public sealed record ConfigurationSummary(
    string Key,
    IReadOnlyList<ParameterChange> Changes,
    int Count,
    double Mean,
    double StandardError)
{
    /// <summary>Groups measured trials by configuration. A trial counts when it completed or was pruned with a
    /// finite objective: a pruned trial's best-so-far understates it, which errs against the configuration the
    /// pruner already judged poor, whereas leaving it out would keep only the lucky seeds.</summary>
    public static IReadOnlyDictionary<string, ConfigurationSummary> Measure(IEnumerable<TrialObservation> history) =>
        history
            .Where(IsMeasured)
            .GroupBy(observation => observation.Trial.ConfigKey, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => Summarize(group.Key, group.First().Trial.Changes,
                    group.Select(observation => observation.Objective!.Value).ToList()),
                StringComparer.Ordinal);

    public static ConfigurationSummary Summarize(string key, IReadOnlyList<ParameterChange> changes,
        IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            throw new ArgumentException("A summary needs at least one value.", nameof(values));
        var mean = values.Average();
        if (values.Count == 1)
            return new ConfigurationSummary(key, changes, 1, mean, 0);
        var variance = values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1);
        return new ConfigurationSummary(key, changes, values.Count, mean, Math.Sqrt(variance / values.Count));
    }

    private static bool IsMeasured(TrialObservation observation) =>
        observation.State is TrialState.Completed or TrialState.Pruned
        && observation.Objective is { } objective && double.IsFinite(objective);
}
