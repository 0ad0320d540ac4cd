using Sweep.Reports.Analysis;
using Sweep.Reports.Model;

namespace Sweep.Reports.Tests.Analysis;

public class EarlyStoppingTests
{
    private static readonly EarlyStoppingInfo Asha = new(EarlyStoppingPolicies.Asha, GraceEpochs: 1, Reduction: 3, MinTrials: 3);

    private static TrialInfo Trial(int index, string state, int epochs, double objective, params StopDecisionInfo[] decisions) =>
        Trials.Make(index, $"c{index}", objective, TrialRoles.Grid, state: state, epochs: Trials.Flat(epochs, 0.9, objective))
            with { PlannedEpochs = 9, Decisions = decisions };

    private static StopDecisionInfo Decision(int epoch, string action, string reason) => new(epoch, action, reason);

    /// <summary>Rungs 1 and 3 of a 9-epoch plan: three trials reach rung 1, one pauses there and is pruned, two go on
    /// (one promoted after a pause); at rung 3 one stops with a reason only the store knows.</summary>
    private static readonly IReadOnlyList<TrialInfo> Sweep =
    [
        Trial(0, TrialStates.Completed, 9, 0.9, Decision(1, StopActions.Promoted, "stored: promoted from rung 1"), Decision(3, StopActions.Continue, "stored: kept")),
        Trial(1, TrialStates.Pruned, 1, 0.5, Decision(1, StopActions.Pause, "stored: waits for promotion")) with { Message = "stored: pruned at epoch 1" },
        Trial(2, TrialStates.Paused, 3, 0.8, Decision(1, StopActions.Continue, "stored: kept"), Decision(3, StopActions.Pause, "stored: waits at 3")),
    ];

    [Fact]
    public void RungTable_CountsWhoReachedAndWentOn_FromTheRecordedEpochsAndDecisions()
    {
        var report = EarlyStoppingAnalysis.Analyze(Asha, Sweep);

        Assert.Equal([1, 3], report.Rungs);
        Assert.Equal([1, 3], report.Rows.Select(r => r.Epoch));
        var first = report.Rows[0];
        Assert.Equal((3, 2, 1, 0, 1), (first.Reached, first.WentOn, first.Promoted, first.Paused, first.Pruned));
        var second = report.Rows[1];
        Assert.Equal((2, 1, 0, 1, 0), (second.Reached, second.WentOn, second.Promoted, second.Paused, second.Pruned));
        Assert.Equal((13L, 27L, 1), (report.EpochsTrained, report.EpochsPlanned!.Value, report.FullBudget));
    }

    [Fact]
    public void Reasons_AreTheStoredDecisionThenThePrunedTrialsMessage()
    {
        var report = EarlyStoppingAnalysis.Analyze(Asha, Sweep);

        Assert.Equal("stored: waits for promotion; stored: pruned at epoch 1", Assert.Single(report.Rows[0].Stopped).Reason);
        Assert.Equal("stored: waits at 3", Assert.Single(report.Rows[1].Stopped).Reason);
    }

    [Fact]
    public void BiasVarianceMap_LeavesOutTrialsStoppedEarly()
    {
        var diagnoses = Diagnostics.DiagnoseAll(Sweep, DiagnosisThresholds.Default);

        var map = BiasVariance.Analyze(Sweep, diagnoses, DiagnosisThresholds.Default);

        Assert.Equal([0], map.Points.Select(p => p.TrialIndex));
        Assert.True(TrialProgress.StoppedEarly(Sweep[1]));
        Assert.False(TrialProgress.StoppedEarly(Sweep[0]));
    }

    [Fact]
    public void MedianRule_HasNoRungs_RowsAreTheEpochsWhereTrialsWerePruned()
    {
        var median = Asha with { Policy = EarlyStoppingPolicies.Median };
        var trials = new[]
        {
            Trial(0, TrialStates.Completed, 9, 0.9),
            Trial(1, TrialStates.Pruned, 4, 0.5, Decision(4, StopActions.Prune, "stored: worse than the median")),
        };

        var report = EarlyStoppingAnalysis.Analyze(median, trials);

        Assert.Empty(report.Rungs);
        var row = Assert.Single(report.Rows);
        Assert.Equal((4, 2, 1, 1), (row.Epoch, row.Reached, row.WentOn, row.Pruned));
        Assert.Equal("stored: worse than the median", row.Stopped[0].Reason);
    }

    [Fact]
    public void Rungs_FollowGraceTimesReductionPowers_BelowTheLongestPlan()
    {
        Assert.Equal([5, 15, 45], EarlyStoppingAnalysis.Rungs(Asha with { GraceEpochs = 5 }, 50));
        Assert.Equal([2, 4, 8], EarlyStoppingAnalysis.Rungs(Asha with { GraceEpochs = 2, Reduction = 2 }, 9));
        Assert.Empty(EarlyStoppingAnalysis.Rungs(Asha with { GraceEpochs = 9 }, 9));
    }

    [Fact]
    public void Leaderboard_RanksTrialsThatTrainedTheirBudgetFirst_ThenByEpochsTrained()
    {
        var trials = new[]
        {
            Trial(0, TrialStates.Completed, 9, 0.80),
            Trial(1, TrialStates.Pruned, 1, 0.95),
            Trial(2, TrialStates.Pruned, 3, 0.85),
            Trial(3, TrialStates.Completed, 9, 0.70),
        };

        var ranked = Leaderboard.Build(trials, maximize: true);

        Assert.Equal([0, 3, 2, 1], ranked.Select(r => r.BestTrial.Index));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank!.Value));
        Assert.Equal(new TrialBudget(3, 3, 9), ranked[2].Budget);
        Assert.False(ranked[2].Budget.Full);
        Assert.True(ranked[0].Budget.Full);
    }

    [Fact]
    public void Budget_OfRepeats_SpansTheirEpochs()
    {
        var budget = TrialBudget.Of([Trial(0, TrialStates.Completed, 9, 0.8), Trial(1, TrialStates.Pruned, 3, 0.7)]);
        Assert.Equal("3–9 / 9", Reports.Html.LeaderboardSection.Budget(budget));
        Assert.Equal("9", Reports.Html.LeaderboardSection.Budget(new TrialBudget(9, 9, null)));
    }
}
