using Sweep.Orchestrator.Contracts;

namespace Sweep.Orchestrator.Search;

public static class ConfigurationProgress
{
    /// <summary>True when every configuration is in the history and all of its trials have finished.</summary>
    public static bool HasFinished(IEnumerable<Configuration> configurations, IReadOnlyList<TrialObservation> history)
    {
        var byKey = history.ToLookup(observation => observation.Trial.ConfigKey, StringComparer.Ordinal);
        return configurations.All(configuration =>
            byKey[configuration.Key].Any() && byKey[configuration.Key].All(trial => trial.State.IsFinished()));
    }
}
