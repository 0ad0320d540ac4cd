using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using static Sweep.Reports.Tests.Analysis.Trials;

namespace Sweep.Reports.Tests.Analysis;

public class LeaderboardTests
{
    private static readonly ChangeInfo Dropout = Change("model.dropout", "0.5");

    private static readonly TrialInfo[] Sweep =
    [
        Baseline(0, 0.80), Baseline(1, 0.84, repeat: 1),
        Make(2, "dropout", 0.90, changes: [Dropout]), Make(3, "dropout", 0.86, changes: [Dropout], repeat: 1),
        Make(4, "running", null, changes: [Change("training.lr", "0.1")], state: TrialStates.Running),
    ];

    [Fact]
    public void Maximize_RanksByMeanOverRepeatsWithStandardDeviation()
    {
        var rows = Leaderboard.Build(Sweep, maximize: true);

        Assert.Equal(["dropout", "baseline", "running"], rows.Select(r => r.Config.ConfigKey));
        Assert.Equal(0.88, rows[0].Objective!.Mean, 10);
        Assert.Equal(Math.Sqrt(0.0008), rows[0].Objective!.StandardDeviation!.Value, 10);
        Assert.Equal(2, rows[0].Objective!.Count);
        Assert.Equal(1, rows[0].Rank);
        Assert.Equal(2, rows[0].BestTrial.Index);
    }

    [Fact]
    public void Minimize_PutsTheLowestFirst() =>
        Assert.Equal("baseline", Leaderboard.Build(Sweep, maximize: false)[0].Config.ConfigKey);

    [Fact]
    public void ConfigurationWithoutObjective_IsLastAndUnranked()
    {
        var last = Leaderboard.Build(Sweep, maximize: true)[^1];

        Assert.Null(last.Rank);
        Assert.Null(last.Objective);
        Assert.Equal(1, last.States[TrialStates.Running]);
    }

    [Fact]
    public void SingleRepeat_HasNoSpread() =>
        Assert.Null(Leaderboard.Build([Baseline(0, 0.8)], true)[0].Objective!.StandardDeviation);
}
