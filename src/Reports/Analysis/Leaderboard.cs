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
    /// <summary>Configurations ranked by mean objective over their seed repeats, best first; those without an
    /// objective (running, failed) follow in plan order.</summary>
    public static IReadOnlyList<LeaderboardRow> Build(IEnumerable<TrialInfo> trials, bool maximize)
    {
        var order = new ObjectiveOrder(maximize);
        var rows = ConfigGroup.GroupAll(trials).Select(group => ToRow(group, order)).ToList();
        var ranked = order.BestFirst(rows.Where(r => r.Objective is not null), r => r.Objective!.Mean)
            .Select((row, i) => row with { Rank = i + 1 });
        return ranked.Concat(rows.Where(r => r.Objective is null)).ToList();
    }

    private static LeaderboardRow ToRow(ConfigGroup group, ObjectiveOrder order)
    {
        var withObjective = group.Trials.Where(t => t.Objective.HasValue).ToList();
        var best = withObjective.Count > 0
            ? order.BestFirst(withObjective, t => t.Objective!.Value).First()
            : group.Trials[0];
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
