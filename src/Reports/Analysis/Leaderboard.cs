using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <param name="Rank">1 for the best configuration; null for configurations with no objective yet.</param>
/// <param name="BestTrial">The repeat with the best objective (or the first repeat when none has one).</param>
/// <param name="States">How many repeats are in each state, e.g. <c>completed</c> → 3.</param>
public sealed record LeaderboardRow(
    int? Rank,
    ConfigGroup Config,
    MeanSpread? Objective,
    MeanSpread? Gap,
    long? TrainableParameters,
    int? BestEpoch,
    MeanSpread? TestAccuracy,
    MeanSpread? MacroF1,
    IReadOnlyDictionary<string, int> States,
    TrialInfo BestTrial);

public static class Leaderboard
{
    /// <summary>Configurations ranked as <see cref="Ranking"/> ranks them, best first; those without an objective
    /// (running, failed) follow in plan order.</summary>
    public static IReadOnlyList<LeaderboardRow> Build(IEnumerable<TrialInfo> trials, bool maximize)
    {
        var list = trials.ToList();
        var rows = ConfigGroup.GroupAll(list).ToDictionary(group => group.ConfigKey, group => ToRow(group, maximize));
        var rankedKeys = Ranking.ConfigurationsBestFirst(list, t => t.ConfigKey, t => t.Objective, maximize)
            .Select(group => group.Key).ToList();
        var ranked = rankedKeys.Select((key, i) => rows[key] with { Rank = i + 1 });
        return ranked.Concat(rows.Values.Where(row => !rankedKeys.Contains(row.Config.ConfigKey))).ToList();
    }

    private static LeaderboardRow ToRow(ConfigGroup group, bool maximize)
    {
        var best = Ranking.BestRepeat(group.Trials, t => t.Objective, maximize) ?? group.Trials[0];
        return new LeaderboardRow(
            Rank: null,
            Config: group,
            Objective: group.Objective,
            Gap: group.Gap,
            TrainableParameters: group.Trials.Select(t => t.TrainableParameters).FirstOrDefault(p => p.HasValue),
            BestEpoch: best.BestEpoch,
            TestAccuracy: MeanSpread.Of(group.Trials.Where(t => t.Test is not null).Select(t => t.Test!.Accuracy)),
            MacroF1: MeanSpread.Of(group.Trials.Where(t => t.Test is not null).Select(t => t.Test!.MacroF1)),
            States: group.Trials.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count()),
            BestTrial: best);
    }
}
