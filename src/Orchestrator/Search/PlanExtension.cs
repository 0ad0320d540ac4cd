using Sweep.Orchestrator.Specs;
using Sweep.Trials.Seeding;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>Turns the configurations a strategy wants into trials: skips those the history already holds, repeats
/// each over the seeds, numbers them after the last planned trial and stops at MaxTrials.</summary>
public static class PlanExtension
{
    public static IReadOnlyList<PlannedTrial> Append(SweepSpec spec, IReadOnlyList<TrialObservation> history,
        IEnumerable<Configuration> wanted)
    {
        var repeats = spec.Search.Repeats;
        if (repeats < 1)
            throw new SpecException(spec.SourcePath, null, "search.repeats", $"expected at least 1, got {repeats}");

        var room = spec.Search.MaxTrials - history.Count;
        var nextIndex = history.Count == 0 ? 0 : history.Max(observation => observation.Trial.Index) + 1;
        var known = history.Select(observation => observation.Trial.ConfigKey).ToHashSet(StringComparer.Ordinal);
        var trials = new List<PlannedTrial>();
        foreach (var configuration in wanted)
        {
            if (trials.Count >= room)
                break;
            if (!known.Add(configuration.Key))
                continue;
            for (var repeat = 0; repeat < repeats && trials.Count < room; repeat++)
                trials.Add(new PlannedTrial(nextIndex++, configuration.Changes, repeat, SeedOf(spec, repeat),
                    configuration.Key, configuration.Round, configuration.Role));
        }
        return trials;
    }

    /// <summary>Depends on the repeat alone: repeats differ, reruns do not, and every configuration meets the same
    /// seeds, so differences between configurations are not differences between seeds.</summary>
    public static long SeedOf(SweepSpec spec, int repeat) => Seeds.Derive(spec.Baseline.Seed, "repeat", repeat);
}
