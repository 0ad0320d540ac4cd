namespace Sweep.Reports.Analysis;

/// <summary>The one definition of "best" wherever Sweep names a best trial (the leaderboard, the summary, the
/// progress line, <c>sweep status</c>): configurations are ranked by the mean objective of their seed repeats that
/// have one, ties in plan order; the best trial is the best repeat of the top configuration. A lucky seed of a
/// poor configuration is not the best trial.</summary>
public static class Ranking
{
    /// <summary>Configurations that have an objective, best first; each group keeps its trials in the order given.</summary>
    public static IReadOnlyList<IGrouping<string, T>> ConfigurationsBestFirst<T>(IEnumerable<T> trials,
        Func<T, string> configKey, Func<T, double?> objective, bool maximize)
    {
        var order = new ObjectiveOrder(maximize);
        var groups = trials.GroupBy(configKey)
            .Select(group => (Group: group, Mean: MeanOf(group, objective)))
            .Where(entry => entry.Mean is not null)
            .ToList();
        return order.BestFirst(groups, entry => entry.Mean!.Value).Select(entry => entry.Group).ToList();
    }

    /// <summary>The repeat with the best objective, the first of equals; null when none has one.</summary>
    public static T? BestRepeat<T>(IEnumerable<T> repeats, Func<T, double?> objective, bool maximize) where T : class =>
        new ObjectiveOrder(maximize).BestFirst(repeats.Where(t => Finite(objective(t))), t => objective(t)!.Value)
            .FirstOrDefault();

    public static T? BestTrial<T>(IEnumerable<T> trials, Func<T, string> configKey, Func<T, double?> objective,
        bool maximize) where T : class =>
        ConfigurationsBestFirst(trials, configKey, objective, maximize) is [var top, ..]
            ? BestRepeat(top, objective, maximize)
            : null;

    private static double? MeanOf<T>(IEnumerable<T> group, Func<T, double?> objective)
    {
        var values = group.Select(objective).Where(Finite).Select(v => v!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }

    private static bool Finite(double? value) => value is { } v && double.IsFinite(v);
}
