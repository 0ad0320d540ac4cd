using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Tests.TestKit;
using Sweep.Trials.Training;
using static Sweep.Orchestrator.Tests.TestKit.Outcomes;

namespace Sweep.Orchestrator.Tests.Grains;

/// <summary>Early-stopping decisions are stored with their epochs: a grain rebuilt from the store, and a trial that
/// replays an epoch from its checkpoint, act on the decision that was made.</summary>
public class SweepGrainDecisionTests(SweepClusterFixture fixture) : IClassFixture<SweepClusterFixture>
{
    private static readonly string AshaSpec = SyntheticSpecs.Ofat(epochs: 2, lrValues: "[0.0003, 0.003, 0.01]",
        extraSearch: "  early_stopping: { policy: asha, grace_epochs: 1, reduction: 2 }");

    private static readonly string MedianSpec = SyntheticSpecs.Ofat(epochs: 3, lrValues: "[0.0003, 0.003]",
        extraSearch: "  early_stopping: { policy: median, grace_epochs: 1, min_trials: 1 }");

    [Fact]
    public async Task PauseDecision_SurvivesTheGrainsDeactivation_BeforeTheSlotReportsTheFinish()
    {
        var sweep = await fixture.CreateSweepAsync(AshaSpec);
        await sweep.Grain.LeaseAsync("slot0");
        Assert.Equal(EpochDecision.Stop, await sweep.Grain.ReportEpochAsync(0, "slot0", Epoch(1, 0.80)));

        await fixture.DeactivateAllGrainsAsync();

        Assert.True(await sweep.Grain.FinishAsync(0, "slot0", PrunedAt(1, 0.80)));
        var trial = await sweep.TrialAsync(0);
        Assert.Equal(TrialState.Paused, trial.State);
        Assert.StartsWith("paused at epoch 1: ", trial.Message);
        var stored = Assert.Single(await sweep.Store.GetEpochsAsync(sweep.Id, 0));
        Assert.Equal(StopAction.Pause, stored.Decision!.Action);
    }

    [Fact]
    public async Task ReplayedEpoch_GetsTheDecisionStoredForIt_NotOneMadeFromTheHistoryAsItIsNow()
    {
        var sweep = await fixture.CreateSweepAsync(MedianSpec);
        await sweep.Grain.LeaseAsync("first");
        await sweep.Grain.LeaseAsync("slot1");
        // Alone at epoch 1, trial 0 goes on; once trial 1 is far ahead, the rule would prune it at that epoch.
        Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(0, "first", Epoch(1, 0.50)));
        Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(1, "slot1", Epoch(1, 0.90)));

        fixture.Time.Advance(SweepTestCluster.LeaseDuration);
        await sweep.Grain.RenewAsync(1, "slot1");
        var resumed = (await sweep.Grain.LeaseAsync("second")).Assignment!;

        Assert.Equal(0, resumed.Plan.Index);
        Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(0, "second", Epoch(1, 0.50)));
        var decision = Assert.Single(await sweep.Store.GetEpochsAsync(sweep.Id, 0)).Decision!;
        Assert.Equal(StopAction.Continue, decision.Action);
    }

    [Fact]
    public async Task PromotedTrial_ReplayingItsRungEpoch_GoesOn_AndTheStoreSaysWhy()
    {
        var sweep = await fixture.CreateSweepAsync(AshaSpec);
        for (var index = 0; index < 4; index++)
            await sweep.Grain.LeaseAsync($"slot{index}");
        Assert.Equal(EpochDecision.Stop, await sweep.Grain.ReportEpochAsync(0, "slot0", Epoch(1, 0.80)));
        Assert.True(await sweep.Grain.FinishAsync(0, "slot0", PrunedAt(1, 0.80)));
        Assert.Equal(EpochDecision.Stop, await sweep.Grain.ReportEpochAsync(1, "slot1", Epoch(1, 0.70)));
        Assert.True(await sweep.Grain.FinishAsync(1, "slot1", PrunedAt(1, 0.70)));

        var promoted = (await sweep.Grain.LeaseAsync("promoted")).Assignment!;
        Assert.Equal(0, promoted.Plan.Index);
        var atRung = Assert.Single(await sweep.Store.GetEpochsAsync(sweep.Id, 0)).Decision!;
        Assert.Equal(StopAction.Promoted, atRung.Action);
        Assert.StartsWith("promoted from rung 1", atRung.Reason);

        await fixture.DeactivateAllGrainsAsync();

        Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(0, "promoted", Epoch(1, 0.80)));
        Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(0, "promoted", Epoch(2, 0.85)));
        Assert.True(await sweep.Grain.FinishAsync(0, "promoted", Completed(0.85)));
        Assert.Equal(TrialState.Completed, (await sweep.TrialAsync(0)).State);
    }

    [Fact]
    public async Task AResumedTrial_IsToldWhichCheckpointsCount_AndItsReplayKeepsTheirWriter()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.BaselineOnly(retries: 0));
        await sweep.Grain.LeaseAsync("first");
        await sweep.Grain.ReportEpochAsync(0, "first", Epoch(1, 0.5));

        fixture.Time.Advance(SweepTestCluster.LeaseDuration);
        var resumed = (await sweep.Grain.LeaseAsync("second")).Assignment!;

        Assert.Equal([new Trials.Checkpoints.CheckpointRef(1, "first")], resumed.Checkpoints);
        Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(0, "second", Epoch(1, 0.5)));
        Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(0, "second", Epoch(2, 0.6)));
        Assert.Equal(["first", "second"], (await sweep.Store.GetEpochsAsync(sweep.Id, 0)).Select(e => e.RecordedBy));
        Assert.Equal(EpochDecision.Stop, await sweep.Grain.ReportEpochAsync(0, "first", Epoch(1, 0.5)));
    }
}
