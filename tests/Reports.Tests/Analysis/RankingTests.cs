using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using static Sweep.Reports.Tests.Analysis.Trials;

namespace Sweep.Reports.Tests.Analysis;

public class RankingTests
{
    /// <summary>A lucky seed (0.90) of a configuration whose mean is 0.70 is not the best trial: the best is the best
    /// repeat of the configuration with the best mean.</summary>
    [Fact]
    public void BestTrial_IsTheBestRepeatOfTheBestConfiguration()
    {
        TrialInfo[] trials =
        [
            Make(0, "a", 0.90, repeat: 0), Make(1, "a", 0.50, repeat: 1),
            Make(2, "b", 0.79, repeat: 0), Make(3, "b", 0.81, repeat: 1),
        ];

        var best = Ranking.BestTrial(trials, Leaderboard.Rank, maximize: true);

        Assert.Equal(3, best!.Index);
        Assert.Same(best, Leaderboard.Build(trials, maximize: true)[0].BestTrial);
        // Minimizing, a's mean (0.70) beats b's (0.80) and a's best repeat is its lowest.
        Assert.Equal(1, Ranking.BestTrial(trials, Leaderboard.Rank, maximize: false)!.Index);
    }

    [Fact]
    public void WhenMinimizing_TheLowestMeanWins_AndRepeatsWithoutAnObjectiveDoNotCount()
    {
        TrialInfo[] trials =
        [
            Make(0, "a", 0.30), Make(1, "a", null, repeat: 1, state: TrialStates.Failed),
            Make(2, "b", 0.20), Make(3, "b", double.NaN, repeat: 1),
        ];

        var ranked = Ranking.ConfigurationsBestFirst(trials, Leaderboard.Rank, maximize: false);

        Assert.Equal(["b", "a"], ranked.Select(g => g.Key));
        Assert.Equal(2, Ranking.BestTrial(trials, Leaderboard.Rank, maximize: false)!.Index);
    }

    [Fact]
    public void NoObjectiveAnywhere_HasNoBestTrial() =>
        Assert.Null(Ranking.BestTrial([Make(0, "a", null)], Leaderboard.Rank, maximize: true));

    /// <summary>A configuration pruned at a rung never outranks one that trained to its end, however good its early
    /// objective; among those stopped early, more epochs rank first.</summary>
    [Fact]
    public void TrialsStoppedEarly_RankAfterThoseThatTrainedToTheirEnd()
    {
        TrialInfo[] trials =
        [
            Make(0, "full", 0.70, epochs: Flat(4, 0.8, 0.7)),
            Make(1, "pruned-early", 0.95, state: TrialStates.Pruned, epochs: Flat(1, 0.9, 0.95)),
            Make(2, "pruned-late", 0.80, state: TrialStates.Pruned, epochs: Flat(2, 0.9, 0.8)),
        ];

        var ranked = Ranking.ConfigurationsBestFirst(trials, Leaderboard.Rank, maximize: true);

        Assert.Equal(["full", "pruned-late", "pruned-early"], ranked.Select(g => g.Key));
        Assert.Equal(0, Ranking.BestTrial(trials, Leaderboard.Rank, maximize: true)!.Index);
    }
}
