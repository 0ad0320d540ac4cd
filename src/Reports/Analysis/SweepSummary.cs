using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <param name="StateCounts">Trials per state, in <see cref="TrialStates.All"/> order, states with none left out.</param>
/// <param name="Best">The top leaderboard row, null while no trial has an objective.</param>
public sealed record SweepSummary(IReadOnlyList<KeyValuePair<string, int>> StateCounts, LeaderboardRow? Best, int TrialCount)
{
    public static SweepSummary Of(IReadOnlyList<TrialInfo> trials, IReadOnlyList<LeaderboardRow> leaderboard)
    {
        var counts = trials.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count());
        var ordered = TrialStates.All.Concat(counts.Keys.Except(TrialStates.All).Order())
            .Where(counts.ContainsKey)
            .Select(state => new KeyValuePair<string, int>(state, counts[state]))
            .ToList();
        return new SweepSummary(ordered, leaderboard.FirstOrDefault(r => r.Rank == 1), trials.Count);
    }
}
