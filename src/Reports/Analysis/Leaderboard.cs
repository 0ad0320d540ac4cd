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
    public const string RankingRule =
        "Configurations whose repeats trained every planned epoch rank first, by mean objective; those stopped early " +
        "(pruned, paused, diverged) follow, by epochs trained (most first) and then by objective, so a trial is only " +
        "ranked above another that trained as long; configurations without an objective come last, in plan order.";

    /// <summary>Ranked as <see cref="RankingRule"/> says. An objective after a few epochs is not comparable with one
    /// after the full budget, and early stopping stops exactly the trials that looked weak early.</summary>
    public static IReadOnlyList<LeaderboardRow> Build(IEnumerable<TrialInfo> trials, bool maximize)
    {
        var order = new ObjectiveOrder(maximize);
        var rows = ConfigGroup.GroupAll(trials).Select(group => ToRow(group, order)).ToList();
        var withObjective = rows.Where(r => r.Objective is not null).ToList();
        var full = order.BestFirst(withObjective.Where(r => r.Budget.Full), r => r.Objective!.Mean);
        var stoppedEarly = withObjective.Where(r => !r.Budget.Full)
            .OrderByDescending(r => r.Budget.MostTrained)
            .ThenByDescending(r => order.Improvement(r.Objective!.Mean));
        var ranked = full.Concat(stoppedEarly).Select((row, i) => row with { Rank = i + 1 });
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
            BestTrial: best,
            Budget: TrialBudget.Of(group.Trials.Where(t => t.Objective.HasValue).DefaultIfEmpty(group.Trials[0]).ToList()));
    }
}
