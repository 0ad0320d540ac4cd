using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Reporting;
using Sweep.Orchestrator.Tests.TestKit;
using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using static Sweep.Orchestrator.Tests.TestKit.Outcomes;

namespace Sweep.Orchestrator.Tests.Reporting;

/// <summary>An ASHA sweep decided by the real grain and recorded in the store: the report's rung table and reasons are
/// what the store holds.</summary>
public class EarlyStoppingReportTests(SweepClusterFixture fixture) : IClassFixture<SweepClusterFixture>
{
    private static readonly string AshaSpec = SyntheticSpecs.Ofat(epochs: 2, lrValues: "[0.0003, 0.003, 0.01]",
        extraSearch: "  early_stopping: { policy: asha, grace_epochs: 1, reduction: 2 }");

    /// <summary>A finished trial's result holds its whole curve, as a trial worker reports it.</summary>
    private static TrialFinished TrainedBoth(double first, double second) =>
        Completed(second) with { Result = Result(second) with { Epochs = [Epoch(1, first), Epoch(2, second)], BestEpoch = 2 } };

    [Fact]
    public async Task RungTable_ReadsThePausesPromotionsAndPruningTheGrainRecorded()
    {
        var sweep = await fixture.CreateSweepAsync(AshaSpec);
        for (var index = 0; index < 4; index++)
            await sweep.Grain.LeaseAsync($"slot{index}");
        var firstRung = new[] { 0.80, 0.70, 0.50, 0.40 };
        for (var index = 0; index < 2; index++)
        {
            await sweep.Grain.ReportEpochAsync(index, $"slot{index}", Epoch(1, firstRung[index]));
            await sweep.Grain.FinishAsync(index, $"slot{index}", PrunedAt(1, firstRung[index]));
        }
        await sweep.Grain.LeaseAsync("slot0");
        await sweep.Grain.ReportEpochAsync(0, "slot0", Epoch(2, 0.85));
        await sweep.Grain.FinishAsync(0, "slot0", TrainedBoth(0.80, 0.85));
        for (var index = 2; index < 4; index++)
        {
            await sweep.Grain.ReportEpochAsync(index, $"slot{index}", Epoch(1, firstRung[index]));
            await sweep.Grain.FinishAsync(index, $"slot{index}", PrunedAt(1, firstRung[index]));
        }
        await sweep.Grain.LeaseAsync("slot1");
        await sweep.Grain.ReportEpochAsync(1, "slot1", Epoch(2, 0.75));
        await sweep.Grain.FinishAsync(1, "slot1", TrainedBoth(0.70, 0.75));
        Assert.Equal(LeaseStatus.SweepFinished, (await sweep.Grain.LeaseAsync("slot2")).Status);

        var record = (await sweep.Store.GetSweepAsync(sweep.Id))!;
        var input = ReportInputBuilder.Build(record, sweep.Spec, await sweep.Store.GetTrialsAsync(sweep.Id),
            await sweep.Store.GetEpochsAsync(sweep.Id), "/runs/x", DateTimeOffset.UtcNow);
        var report = EarlyStoppingAnalysis.Analyze(input.Sweep.EarlyStopping, input.Trials);

        Assert.Equal(new EarlyStoppingInfo(EarlyStoppingPolicies.Asha, 1, 2, 3), input.Sweep.EarlyStopping);
        var rung = Assert.Single(report.Rows);
        Assert.Equal((1, 4, 2, 2, 0, 2), (rung.Epoch, rung.Reached, rung.WentOn, rung.Promoted, rung.Paused, rung.Pruned));
        Assert.Equal([2, 3], rung.Stopped.Select(s => s.Trial.Index));
        Assert.All(rung.Stopped, s => Assert.Contains("at rung 1", s.Reason));
        Assert.All(rung.Stopped, s => Assert.Contains("pruned at epoch 1: not promoted", s.Reason));
        Assert.Equal(StopActions.Promoted, input.Trials[0].Decisions[0].Action);
        Assert.Equal((6L, 8L, 2), (report.EpochsTrained, report.EpochsPlanned!.Value, report.FullBudget));
        var ranked = Leaderboard.Build(input.Trials, maximize: true);
        Assert.Equal([0, 1, 2, 3], ranked.Select(r => r.BestTrial.Index));
    }
}
