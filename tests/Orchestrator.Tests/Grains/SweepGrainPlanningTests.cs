using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Tests.TestKit;
using Sweep.Trials.Training;
using static Sweep.Orchestrator.Tests.TestKit.Outcomes;

namespace Sweep.Orchestrator.Tests.Grains;

public class SweepGrainPlanningTests(SweepClusterFixture fixture) : IClassFixture<SweepClusterFixture>
{
    private static readonly string AshaSpec = SyntheticSpecs.Ofat(epochs: 2, lrValues: "[0.0003, 0.003, 0.01]",
        extraSearch: "  early_stopping: { policy: asha, grace_epochs: 1, reduction: 2 }");

    [Fact]
    public async Task Asha_PausesTrialsBelowTheTopOfARung_PromotesThemLater_AndPrunesTheRestAtTheEnd()
    {
        var sweep = await fixture.CreateSweepAsync(AshaSpec);
        for (var index = 0; index < 4; index++)
            await sweep.Grain.LeaseAsync($"slot{index}");

        // Rung 1 keeps the best half of the values recorded there; epoch 2 is the last and is never judged.
        Assert.Equal(EpochDecision.Stop, await sweep.Grain.ReportEpochAsync(0, "slot0", Epoch(1, 0.80)));
        Assert.True(await sweep.Grain.FinishAsync(0, "slot0", PrunedAt(1, 0.80)));
        Assert.Equal(EpochDecision.Stop, await sweep.Grain.ReportEpochAsync(1, "slot1", Epoch(1, 0.70)));
        Assert.True(await sweep.Grain.FinishAsync(1, "slot1", PrunedAt(1, 0.70)));
        var paused = await sweep.TrialAsync(0);
        Assert.Equal(TrialState.Paused, paused.State);
        Assert.StartsWith("paused at epoch 1: objective 0.8 at rung 1 against the best 0 of 1", paused.Message);

        var promoted = (await sweep.Grain.LeaseAsync("slot0")).Assignment!;
        Assert.Equal((0, 1, 1), (promoted.Plan.Index, promoted.Attempt, promoted.RecordedEpochs));
        Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(0, "slot0", Epoch(2, 0.85)));
        Assert.True(await sweep.Grain.FinishAsync(0, "slot0", Completed(0.85)));

        Assert.Equal(EpochDecision.Stop, await sweep.Grain.ReportEpochAsync(2, "slot2", Epoch(1, 0.50)));
        Assert.True(await sweep.Grain.FinishAsync(2, "slot2", PrunedAt(1, 0.50)));
        Assert.Equal(EpochDecision.Stop, await sweep.Grain.ReportEpochAsync(3, "slot3", Epoch(1, 0.40)));
        Assert.True(await sweep.Grain.FinishAsync(3, "slot3", PrunedAt(1, 0.40)));
        var second = (await sweep.Grain.LeaseAsync("slot1")).Assignment!;
        Assert.Equal(1, second.Plan.Index);
        Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(1, "slot1", Epoch(2, 0.75)));
        Assert.True(await sweep.Grain.FinishAsync(1, "slot1", Completed(0.75)));

        Assert.Equal(LeaseStatus.SweepFinished, (await sweep.Grain.LeaseAsync("slot2")).Status);
        var states = new List<TrialState>();
        for (var index = 0; index < 4; index++)
            states.Add((await sweep.TrialAsync(index)).State);
        Assert.Equal([TrialState.Completed, TrialState.Completed, TrialState.Pruned, TrialState.Pruned], states);
        var pruned = await sweep.TrialAsync(3);
        Assert.StartsWith("pruned at epoch 1: not promoted", pruned.Message);
        Assert.Equal(0.40, pruned.Result!.BestObjective);
        Assert.Equal([0.80, 0.85], (await sweep.Store.GetEpochsAsync(sweep.Id, 0)).Select(e => e.Metrics.ValAccuracy));
    }

    [Fact]
    public async Task AdaptiveOfat_PlansTheNextRound_WhenARoundFinishes()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.Adaptive);
        await sweep.StartAdaptiveRoundZeroAsync(finish: [0, 1, 2]);
        var roundZero = TestSweep.AdaptiveRoundZero;

        var whileRoundRuns = await sweep.Grain.LeaseAsync("idle");
        Assert.Empty(await sweep.Store.GetDecisionsAsync(sweep.Id));
        await sweep.Grain.FinishAsync(3, "slot3", Completed(roundZero[3]));
        var planned = (await sweep.Grain.GetProgressAsync()).Planned;
        var roundZeroDecision = Assert.Single(await sweep.Store.GetDecisionsAsync(sweep.Id));
        var next = (await sweep.Grain.LeaseAsync("next")).Assignment!;

        Assert.Equal(LeaseStatus.NothingYet, whileRoundRuns.Status);
        Assert.Equal(5, planned);
        Assert.Equal((4, 1), (next.Plan.Index, next.Plan.Round));
        Assert.Equal(["training.lr=0.01", "model.dropout=0.5"], next.Plan.Changes.Select(c => $"{c.Path}={c.Value}"));
        Assert.Equal((0.01, 0.5), (next.Spec.Training.Lr, next.Spec.Model.Dropout));

        Assert.Equal("round-0", roundZeroDecision.Key);
        Assert.Equal(["training.lr=0.01"], roundZeroDecision.Chosen);
        Assert.Equal(0.05, roundZeroDecision.Candidates.Single(c => c.Measured.ConfigKey == "training.lr=0.01").Gain, 12);

        await sweep.Grain.FinishAsync(4, "next", Completed(0.84));

        Assert.Equal(LeaseStatus.SweepFinished, (await sweep.Grain.LeaseAsync("late")).Status);
        Assert.Equal(5, (await sweep.Store.GetTrialsAsync(sweep.Id)).Count);
        var decisions = await sweep.Store.GetDecisionsAsync(sweep.Id);
        Assert.Equal(["round-0", "round-1"], decisions.Select(d => d.Key));
        Assert.Equal(Sweep.Orchestrator.Search.AdaptiveStopReason.NoImprovement, decisions[1].StopReason);
        Assert.Empty(decisions[1].Chosen);
    }

    [Fact]
    public async Task Grain_RebuiltFromTheStoreAfterDeactivation_ContinuesWithTheSameState()
    {
        var sweep = await fixture.CreateSweepAsync(AshaSpec);
        await PlayFirstTrialsAsync(sweep.Grain);
        var before = await sweep.Grain.GetProgressAsync();

        await fixture.Cluster.DeactivateAsync(sweep.Grain);

        await AssertContinuesAsync(sweep.Grain, before);
    }

    [Fact]
    public async Task NewSilo_OnTheSameStore_ContinuesTheSweep()
    {
        var sweep = await fixture.CreateSweepAsync(AshaSpec);
        await PlayFirstTrialsAsync(sweep.Grain);
        var before = await sweep.Grain.GetProgressAsync();
        var stores = new SingleSweepStore(sweep.Id, sweep.Store);

        await using var secondCluster = await SweepTestCluster.StartAsync(stores, fixture.Time);

        await AssertContinuesAsync(secondCluster.Client.GetGrain<ISweepGrain>(sweep.Id), before);
    }

    /// <summary>Trial 0 completes, trial 1 runs its first epoch under slot1's lease.</summary>
    private static async Task PlayFirstTrialsAsync(ISweepGrain grain)
    {
        await grain.LeaseAsync("slot0");
        await grain.LeaseAsync("slot1");
        await grain.ReportEpochAsync(0, "slot0", Epoch(1, 0.80));
        await grain.ReportEpochAsync(0, "slot0", Epoch(2, 0.82));
        await grain.FinishAsync(0, "slot0", Completed(0.82));
        await grain.ReportEpochAsync(1, "slot1", Epoch(1, 0.90));
    }

    /// <summary>The progress, the held lease and the epoch history (which ASHA judges by) all survive.</summary>
    private static async Task AssertContinuesAsync(ISweepGrain grain, SweepProgress before)
    {
        var after = await grain.GetProgressAsync();
        Assert.Equal(before.Counts, after.Counts);
        Assert.Equal((before.Planned, before.BestTrial, before.BestObjective),
            (after.Planned, after.BestTrial, after.BestObjective));
        Assert.Equal<(int, int?, double?)>((1, 0, 0.82), (after.Counts[TrialState.Running], after.BestTrial, after.BestObjective));

        var next = (await grain.LeaseAsync("slot2")).Assignment!;
        Assert.Equal((2, 1), (next.Plan.Index, next.Attempt));
        Assert.Equal(EpochDecision.Stop, await grain.ReportEpochAsync(2, "slot2", Epoch(1, 0.50)));
        Assert.Equal(EpochDecision.Continue, await grain.ReportEpochAsync(1, "slot1", Epoch(2, 0.91)));
        Assert.True(await grain.FinishAsync(1, "slot1", Completed(0.91)));
        var finished = await grain.GetProgressAsync();
        Assert.Equal<(int?, double?)>((1, 0.91), (finished.BestTrial, finished.BestObjective));
    }
}
