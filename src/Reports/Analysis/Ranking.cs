namespace Sweep.Reports.Analysis;

/// <summary>How one trial enters a ranking.</summary>
/// <param name="StoppedEarly">Pruned or paused by early stopping: its objective is from fewer epochs than it was given.</param>
public readonly record struct RankedTrial(string ConfigKey, double? Objective, bool StoppedEarly, int EpochsTrained);

/// <summary>The one definition of rank and of "best" wherever Sweep names them (the leaderboard, the summary, the
/// progress line, <c>sweep status</c>), as <see cref="Rule"/> states it. The best trial is the best repeat of the
/// top configuration, so a lucky seed of a poor configuration is not the best trial.</summary>
public static class Ranking
{
    public const string Rule =
        "Configurations whose repeats all trained to their end rank first, by the mean objective of their seed repeats; " +
        "those stopped early by pruning or pausing follow, by epochs trained (most first) and then by objective, so a " +
        "trial is only ranked above another that trained as long; configurations without an objective come last, in " +
        "plan order.";

    /// <summary>Configurations that have an objective, best first; each group keeps its trials in the order given,
    /// and ties keep plan order.</summary>
    public static IReadOnlyList<IGrouping<string, T>> ConfigurationsBestFirst<T>(IEnumerable<T> trials,
        Func<T, RankedTrial> rank, bool maximize)
    {
        var order = new ObjectiveOrder(maximize);
        var measured = trials.GroupBy(t => rank(t).ConfigKey)
            .Select(group => (Group: group, Ranked: group.Select(rank).Where(r => Finite(r.Objective)).ToList()))
            .Where(entry => entry.Ranked.Count > 0)
            .Select(entry => (entry.Group, Mean: entry.Ranked.Average(r => r.Objective!.Value),
                StoppedEarly: entry.Ranked.Any(r => r.StoppedEarly), Trained: entry.Ranked.Max(r => r.EpochsTrained)))
            .ToList();
        var full = order.BestFirst(measured.Where(m => !m.StoppedEarly), m => m.Mean);
        var stoppedEarly = measured.Where(m => m.StoppedEarly)
            .OrderByDescending(m => m.Trained)
            .ThenByDescending(m => order.Improvement(m.Mean));
        return full.Concat(stoppedEarly).Select(m => m.Group).ToList();
    }

    /// <summary>The repeat with the best objective, the first of equals; null when none has one.</summary>
    public static T? BestRepeat<T>(IEnumerable<T> repeats, Func<T, double?> objective, bool maximize) where T : class =>
        new ObjectiveOrder(maximize).BestFirst(repeats.Where(t => Finite(objective(t))), t => objective(t)!.Value)
            .FirstOrDefault();

    public static T? BestTrial<T>(IEnumerable<T> trials, Func<T, RankedTrial> rank, bool maximize) where T : class =>
        ConfigurationsBestFirst(trials, rank, maximize) is [var top, ..]
            ? BestRepeat(top, t => rank(t).Objective, maximize)
            : null;

    private static bool Finite(double? value) => value is { } v && double.IsFinite(v);
}
