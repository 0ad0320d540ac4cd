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

        var best = Ranking.BestTrial(trials, t => t.ConfigKey, t => t.Objective, maximize: true);

        Assert.Equal(3, best!.Index);
        Assert.Same(best, Leaderboard.Build(trials, maximize: true)[0].BestTrial);
        // Minimizing, a's mean (0.70) beats b's (0.80) and a's best repeat is its lowest.
        Assert.Equal(1, Ranking.BestTrial(trials, t => t.ConfigKey, t => t.Objective, maximize: false)!.Index);
    }

    [Fact]
    public void WhenMinimizing_TheLowestMeanWins_AndRepeatsWithoutAnObjectiveDoNotCount()
    {
        TrialInfo[] trials =
        [
            Make(0, "a", 0.30), Make(1, "a", null, repeat: 1, state: TrialStates.Failed),
            Make(2, "b", 0.20), Make(3, "b", double.NaN, repeat: 1),
        ];

        var ranked = Ranking.ConfigurationsBestFirst(trials, t => t.ConfigKey, t => t.Objective, maximize: false);

        Assert.Equal(["b", "a"], ranked.Select(g => g.Key));
        Assert.Equal(2, Ranking.BestTrial(trials, t => t.ConfigKey, t => t.Objective, maximize: false)!.Index);
    }

    [Fact]
    public void NoObjectiveAnywhere_HasNoBestTrial() =>
        Assert.Null(Ranking.BestTrial([Make(0, "a", null)], t => t.ConfigKey, t => t.Objective, maximize: true));
}
