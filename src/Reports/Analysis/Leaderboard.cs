using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <param name="Rank">1 for the best configuration; null for configurations with no objective yet.</param>
/// <param name="BestTrial">The repeat with the best objective (or the first repeat when none has one).</param>
/// <param name="States">How many repeats are in each state, e.g. <c>completed</c> → 3.</param>
/// <param name="Budget">Epochs its repeats trained, against the epochs planned.</param>
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
    TrialInfo BestTrial,
    TrialBudget Budget);

/// <param name="Planned">Null when the plan is not known.</param>
public sealed record TrialBudget(int FewestTrained, int MostTrained, int? Planned)
{
    /// <summary>Every repeat ran every planned epoch (or the plan is unknown).</summary>
    public bool Full => Planned is not { } planned || FewestTrained >= planned;

    public static TrialBudget Of(IReadOnlyList<TrialInfo> trials) => new(
        trials.Select(t => t.EpochsTrained).DefaultIfEmpty(0).Min(),
        trials.Select(t => t.EpochsTrained).DefaultIfEmpty(0).Max(),
        trials.Select(t => t.PlannedEpochs).FirstOrDefault(p => p.HasValue));
}

public static class Leaderboard
{
    /// <summary>Ranked as <see cref="Ranking.Rule"/> says. An objective after a few epochs is not comparable with one
    /// after the full budget, and early stopping stops exactly the trials that looked weak early.</summary>
    public static IReadOnlyList<LeaderboardRow> Build(IEnumerable<TrialInfo> trials, bool maximize)
    {
        var list = trials.ToList();
        var rows = ConfigGroup.GroupAll(list).ToDictionary(group => group.ConfigKey, group => ToRow(group, maximize));
        var rankedKeys = Ranking.ConfigurationsBestFirst(list, Rank, maximize).Select(group => group.Key).ToList();
        var ranked = rankedKeys.Select((key, i) => rows[key] with { Rank = i + 1 });
        return ranked.Concat(rows.Values.Where(row => !rankedKeys.Contains(row.Config.ConfigKey))).ToList();
    }

    public static RankedTrial Rank(TrialInfo trial) => new(trial.ConfigKey, trial.Objective,
        trial.State is TrialStates.Pruned or TrialStates.Paused, trial.EpochsTrained);

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
            BestTrial: best,
            Budget: TrialBudget.Of(group.Trials.Where(t => t.Objective.HasValue).DefaultIfEmpty(group.Trials[0]).ToList()));
    }
}
