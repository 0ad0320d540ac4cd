using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Training;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Storage;

/// <summary>What every <see cref="ISweepStore"/> must do; each implementation derives and supplies the store.</summary>
public abstract partial class SweepStoreContract : IAsyncLifetime
{
    private const string SweepId = "sweep-1";
    private static readonly DateTimeOffset LeaseEnd = T0.AddMinutes(1);

    protected ISweepStore Store { get; private set; } = null!;

    protected abstract Task<ISweepStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    [Fact]
    public async Task CreateSweep_ThenGetSweep_ReturnsEveryField()
    {
        var sweep = NewSweep();
        await Store.CreateSweepAsync(sweep);

        Assert.Equal(sweep, await Store.GetSweepAsync(sweep.Id));
        Assert.Null(await Store.GetSweepAsync("no-such-sweep"));
    }

    [Fact]
    public async Task CreateSweep_SameIdTwice_IsRefused()
    {
        await Store.CreateSweepAsync(NewSweep());

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateSweepAsync(NewSweep() with { Name = "x" }));
        Assert.Equal("lr study", (await Store.GetSweepAsync(SweepId))!.Name);
    }

    [Fact]
    public async Task AddTrials_StoresThemPendingWithTheirPlan_InIndexOrder()
    {
        await Store.CreateSweepAsync(NewSweep());
        var plans = new[]
        {
            Plan(1, new ParameterChange("model.hidden", "[128, 64]", "[128]")),
            Plan(0),
            Plan(2, new ParameterChange("training.lr", "0.01", "0.001"), new ParameterChange("training.optimizer", "sgd", "adam")),
        };
        await Store.AddTrialsAsync(SweepId, plans);

        var trials = await Store.GetTrialsAsync(SweepId);

        Assert.Equal([0, 1, 2], trials.Select(trial => trial.Index));
        foreach (var trial in trials)
        {
            var plan = plans.Single(p => p.Index == trial.Index);
            AssertSamePlan(plan, trial.Plan);
            Assert.Equal(SweepId, trial.SweepId);
            Assert.Equal(TrialState.Pending, trial.State);
            Assert.Equal(0, trial.Attempts);
            Assert.Null(trial.LeaseOwner);
            Assert.Null(trial.LeaseExpiresAt);
            Assert.Null(trial.StartedAt);
            Assert.Null(trial.Result);
        }
        AssertSamePlan(plans[2], (await Store.GetTrialAsync(SweepId, 2))!.Plan);
        Assert.Null(await Store.GetTrialAsync(SweepId, 3));
    }

    [Fact]
    public async Task AddTrials_IndexAlreadyStored_IsRefusedAndAddsNoneOfTheBatch()
    {
        await Store.CreateSweepAsync(NewSweep());
        await Store.AddTrialsAsync(SweepId, Plans(2));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddTrialsAsync(SweepId, [Plan(2), Plan(1)]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddTrialsAsync(SweepId, [Plan(3), Plan(3)]));

        Assert.Equal([0, 1], (await Store.GetTrialsAsync(SweepId)).Select(trial => trial.Index));
    }

    [Fact]
    public async Task AddTrials_ToUnknownSweep_IsRefused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddTrialsAsync("no-such-sweep", Plans(1)));
    }

    [Fact]
    public async Task Trials_OfTwoSweeps_StayApart()
    {
        await Store.CreateSweepAsync(NewSweep("a"));
        await Store.CreateSweepAsync(NewSweep("b"));
        await Store.AddTrialsAsync("a", Plans(2));
        await Store.AddTrialsAsync("b", Plans(3));
        await Store.TryLeaseAsync("a", 0, "worker", T0, LeaseEnd);
        await Store.AppendEpochAsync("a", 0, "worker", Epoch(1), Goes);

        Assert.Equal(2, (await Store.GetTrialsAsync("a")).Count);
        Assert.Equal(3, (await Store.GetTrialsAsync("b")).Count);
        Assert.Equal(TrialState.Pending, (await Store.GetTrialAsync("b", 0))!.State);
        Assert.Empty(await Store.GetEpochsAsync("b"));
    }

    [Fact]
    public async Task TryLease_PendingTrial_RunsItUnderTheOwnerAndCountsAnAttempt()
    {
        await SeedAsync(1);

        var leased = await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);

        Assert.NotNull(leased);
        Assert.Equal(TrialState.Running, leased.State);
        Assert.Equal("worker-a", leased.LeaseOwner);
        Assert.Equal(LeaseEnd, leased.LeaseExpiresAt);
        Assert.Equal(T0, leased.StartedAt);
        Assert.Equal(1, leased.Attempts);
        Assert.Equal(leased.LeaseOwner, (await Store.GetTrialAsync(SweepId, 0))!.LeaseOwner);
    }

    [Fact]
    public async Task TryLease_WhileHeldAndUnexpired_IsRefused()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);

        Assert.Null(await Store.TryLeaseAsync(SweepId, 0, "worker-b", LeaseEnd.AddTicks(-1), LeaseEnd.AddMinutes(1)));
        Assert.Null(await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd));

        var trial = await Store.GetTrialAsync(SweepId, 0);
        Assert.Equal("worker-a", trial!.LeaseOwner);
        Assert.Equal(1, trial.Attempts);
    }

    [Fact]
    public async Task TryLease_OnceExpired_IsTakenOverAndCountsAnotherAttempt()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);

        var taken = await Store.TryLeaseAsync(SweepId, 0, "worker-b", LeaseEnd, LeaseEnd.AddMinutes(1));

        Assert.NotNull(taken);
        Assert.Equal("worker-b", taken.LeaseOwner);
        Assert.Equal(LeaseEnd.AddMinutes(1), taken.LeaseExpiresAt);
        Assert.Equal(2, taken.Attempts);
        Assert.Equal(T0, taken.StartedAt);
    }

    [Fact]
    public async Task TryLease_FinishedOrUnknownTrial_IsRefused()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        await Store.FinishAsync(SweepId, 0, "worker-a", TrialState.Completed, Result(), null, T0.AddSeconds(5));

        Assert.Null(await Store.TryLeaseAsync(SweepId, 0, "worker-b", LeaseEnd.AddDays(1), LeaseEnd.AddDays(2)));
        Assert.Null(await Store.TryLeaseAsync(SweepId, 7, "worker-b", T0, LeaseEnd));
        Assert.Null(await Store.TryLeaseAsync("no-such-sweep", 0, "worker-b", T0, LeaseEnd));
    }

    [Fact]
    public async Task RenewLease_ByTheOwner_ExtendsIt_ByAnyoneElse_IsRefused()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);

        Assert.False(await Store.RenewLeaseAsync(SweepId, 0, "worker-b", LeaseEnd.AddHours(1)));
        Assert.True(await Store.RenewLeaseAsync(SweepId, 0, "worker-a", LeaseEnd.AddMinutes(5)));

        Assert.Equal(LeaseEnd.AddMinutes(5), (await Store.GetTrialAsync(SweepId, 0))!.LeaseExpiresAt);
        Assert.Null(await Store.TryLeaseAsync(SweepId, 0, "worker-b", LeaseEnd, LeaseEnd.AddHours(1)));
    }

    [Fact]
    public async Task RenewLease_AfterTakeOverOrFinish_IsRefused()
    {
        await SeedAsync(2);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        await Store.TryLeaseAsync(SweepId, 0, "worker-b", LeaseEnd, LeaseEnd.AddMinutes(1));
        await Store.TryLeaseAsync(SweepId, 1, "worker-a", T0, LeaseEnd);
        await Store.FinishAsync(SweepId, 1, "worker-a", TrialState.Completed, Result(), null, T0);

        Assert.False(await Store.RenewLeaseAsync(SweepId, 0, "worker-a", LeaseEnd.AddHours(1)));
        Assert.False(await Store.RenewLeaseAsync(SweepId, 1, "worker-a", LeaseEnd.AddHours(1)));
    }

    [Fact]
    public async Task AppendEpoch_WithoutTheLease_IsRefused()
    {
        await SeedAsync(2);
        await Store.TryLeaseAsync(SweepId, 1, "worker-a", T0, LeaseEnd);

        Assert.False(await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(1), Goes));
        Assert.False(await Store.AppendEpochAsync(SweepId, 1, "worker-b", Epoch(1), Goes));
        Assert.False(await Store.AppendEpochAsync(SweepId, 9, "worker-a", Epoch(1), Goes));

        Assert.Empty(await Store.GetEpochsAsync(SweepId));
    }

    [Fact]
    public async Task AppendEpoch_KeepsTheEvalModeTrainingFigures_AndAnEpochWithoutThemReadsThemAsMissing()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(1), Goes);
        await Store.AppendEpochAsync(SweepId, 0, "worker-a",
            Epoch(2) with { TrainEvalLoss = 0.31, TrainEvalAccuracy = 0.9125 }, Goes);

        var epochs = await Store.GetEpochsAsync(SweepId, 0);

        Assert.Equal([(null, null), (0.31, 0.9125)],
            epochs.Select(epoch => (epoch.Metrics.TrainEvalLoss, epoch.Metrics.TrainEvalAccuracy)));
    }

    [Fact]
    public async Task AppendEpoch_ReRunEpoch_OverwritesTheEarlierOne()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(1, valLoss: 0.9), Goes);
        await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(2, valLoss: 0.8), Goes);
        // The worker died after epoch 2; its successor resumes from the epoch-1 checkpoint and re-runs epoch 2.
        await Store.TryLeaseAsync(SweepId, 0, "worker-b", LeaseEnd, LeaseEnd.AddMinutes(1));

        Assert.True(await Store.AppendEpochAsync(SweepId, 0, "worker-b", Epoch(2, valLoss: 0.7), Goes));

        var epochs = await Store.GetEpochsAsync(SweepId, 0);
        Assert.Equal([1, 2], epochs.Select(epoch => epoch.Metrics.Epoch));
        Assert.Equal([0.9, 0.7], epochs.Select(epoch => epoch.Metrics.ValLoss));
        Assert.Equal(["worker-a", "worker-b"], epochs.Select(epoch => epoch.RecordedBy));
    }

    [Fact]
    public async Task AppendEpoch_StoresTheDecisionWithTheEpoch_AndAReRunReplacesIt()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(1), Goes);
        await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(2), StopDecision.Prune("worse than the median"));

        Assert.Equal([Goes, StopDecision.Prune("worse than the median")],
            (await Store.GetEpochsAsync(SweepId, 0)).Select(epoch => epoch.Decision));

        await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(2), StopDecision.Pause("waits at rung 2"));
        Assert.Equal(StopDecision.Pause("waits at rung 2"), (await Store.GetEpochsAsync(SweepId, 0))[1].Decision);
    }

    [Fact]
    public async Task Lease_OfAPausedTrial_TurnsThePauseAtItsLastEpochIntoAPromotion()
    {
        await SeedAsync(2);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(1), Goes);
        await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(2), StopDecision.Pause("waits at rung 2"));
        await Store.PauseAsync(SweepId, 0, "worker-a", Result(), "paused at epoch 2");
        await Store.TryLeaseAsync(SweepId, 1, "worker-b", T0, LeaseEnd);
        await Store.AppendEpochAsync(SweepId, 1, "worker-b", Epoch(1), StopDecision.Pause("waits at rung 1"));

        Assert.NotNull(await Store.TryLeaseAsync(SweepId, 0, "worker-c", T0, LeaseEnd, "promoted from rung 2"));

        Assert.Equal([Goes, new StopDecision(StopAction.Promoted, "promoted from rung 2")],
            (await Store.GetEpochsAsync(SweepId, 0)).Select(epoch => epoch.Decision));
        // Only a paused trial's lease promotes: trial 1 is running, and its pause is not touched by a refused lease.
        Assert.Null(await Store.TryLeaseAsync(SweepId, 1, "worker-c", T0, LeaseEnd, "promoted"));
        Assert.Equal(StopAction.Pause, Assert.Single(await Store.GetEpochsAsync(SweepId, 1)).Decision!.Action);
    }

    [Fact]
    public async Task Release_CountsAFailureOnlyWhenTheTrialFailed()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        Assert.True(await Store.ReleaseAsync(SweepId, 0, "worker-a", "stopped"));
        await Store.TryLeaseAsync(SweepId, 0, "worker-b", T0, LeaseEnd);
        Assert.True(await Store.ReleaseAsync(SweepId, 0, "worker-b", "crashed", failed: true));
        await Store.TryLeaseAsync(SweepId, 0, "worker-c", T0, LeaseEnd);
        Assert.False(await Store.ReleaseAsync(SweepId, 0, "worker-b", "late", failed: true));
        Assert.True(await Store.ReleaseAsync(SweepId, 0, "worker-c", null, failed: true));

        var trial = (await Store.GetTrialAsync(SweepId, 0))!;
        Assert.Equal((TrialState.Pending, 3, 2, null), (trial.State, trial.Attempts, trial.Failures, trial.Message));
    }

    [Fact]
    public async Task RetryFailed_PutsOnlyAFailedTrialBack_WithItsFailuresForgottenAndItsEpochsKept()
    {
        await SeedAsync(2);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(1), Goes);
        await Store.ReleaseAsync(SweepId, 0, "worker-a", "crashed", failed: true);
        await Store.TryLeaseAsync(SweepId, 0, "worker-b", T0, LeaseEnd);
        await Store.FinishAsync(SweepId, 0, "worker-b", TrialState.Failed, null, "crashed again", T0);

        Assert.True(await Store.RetryFailedAsync(SweepId, 0, "retried on resume"));
        Assert.False(await Store.RetryFailedAsync(SweepId, 0, "twice"));
        Assert.False(await Store.RetryFailedAsync(SweepId, 1, "pending"));

        var trial = (await Store.GetTrialAsync(SweepId, 0))!;
        Assert.Equal((TrialState.Pending, 0, "retried on resume"), (trial.State, trial.Failures, trial.Message));
        Assert.Null(trial.FinishedAt);
        Assert.Single(await Store.GetEpochsAsync(SweepId, 0));
        Assert.NotNull(await Store.TryLeaseAsync(SweepId, 0, "worker-c", T0, LeaseEnd));
    }

    [Fact]
    public async Task GetEpochs_ReturnsEachTrialsEpochsInOrder_WithNonFiniteValuesIntact()
    {
        await SeedAsync(2);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        await Store.TryLeaseAsync(SweepId, 1, "worker-b", T0, LeaseEnd);
        foreach (var epoch in new[] { 3, 1, 2 })
        {
            await Store.AppendEpochAsync(SweepId, 1, "worker-b", Epoch(epoch, valLoss: 10 + epoch), Goes);
            await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(epoch, valLoss: epoch == 3 ? double.NaN : epoch), Goes);
        }

        var all = await Store.GetEpochsAsync(SweepId);
        var first = await Store.GetEpochsAsync(SweepId, 0);

        Assert.Equal([(0, 1), (0, 2), (0, 3), (1, 1), (1, 2), (1, 3)],
            all.Select(record => (record.TrialIndex, record.Metrics.Epoch)));
        Assert.Equal([1, 2, 3], first.Select(record => record.Metrics.Epoch));
        Assert.Equal(Epoch(2, valLoss: 2), first[1].Metrics);
        Assert.True(double.IsNaN(first[2].Metrics.ValLoss));
        Assert.Equal([11.0, 12.0, 13.0], (await Store.GetEpochsAsync(SweepId, 1)).Select(r => r.Metrics.ValLoss));
    }

    [Fact]
    public async Task Finish_RecordsTheResultOnce_ASecondFinishIsRefused()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        var finishedAt = T0.AddSeconds(30);

        var finished = await Store.FinishAsync(SweepId, 0, "worker-a", TrialState.Completed, Result(), "done", finishedAt);
        Assert.Null(await Store.FinishAsync(SweepId, 0, "worker-a", TrialState.Failed, null, "again", T0.AddHours(1)));

        var trial = await Store.GetTrialAsync(SweepId, 0);
        Assert.Equal(SweepJson.Serialize(trial), SweepJson.Serialize(finished));
        Assert.Equal(TrialState.Completed, trial!.State);
        Assert.Equal("done", trial.Message);
        Assert.Equal(finishedAt, trial.FinishedAt);
        Assert.Equal(SweepJson.Serialize(Result()), SweepJson.Serialize(trial.Result));
        Assert.Null(trial.LeaseOwner);
        Assert.Null(trial.LeaseExpiresAt);
        Assert.False(await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(3), Goes));
    }

    [Fact]
    public async Task Finish_ByAnOwnerWhoseLeaseWasTakenOver_IsRefused()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        await Store.TryLeaseAsync(SweepId, 0, "worker-b", LeaseEnd, LeaseEnd.AddMinutes(1));

        Assert.Null(await Store.FinishAsync(SweepId, 0, "worker-a", TrialState.Failed, null, "late", LeaseEnd));
        Assert.False(await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(1), Goes));
        Assert.NotNull(await Store.FinishAsync(SweepId, 0, "worker-b", TrialState.Pruned, Result(TrialOutcome.Pruned),
            null, LeaseEnd.AddSeconds(10)));

        var trial = await Store.GetTrialAsync(SweepId, 0);
        Assert.Equal(TrialState.Pruned, trial!.State);
        Assert.Equal(TrialOutcome.Pruned, trial.Result!.Outcome);
    }

    [Fact]
    public async Task Finish_AsAnUnfinishedState_IsAProgrammingError()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Store.FinishAsync(SweepId, 0, "worker-a", TrialState.Pending, null, null, T0));
        Assert.Equal(TrialState.Running, (await Store.GetTrialAsync(SweepId, 0))!.State);
    }

    [Fact]
    public async Task Release_GivesTheTrialBackAsPending_KeepingItsAttempts()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);

        Assert.False(await Store.ReleaseAsync(SweepId, 0, "worker-b", "not mine"));
        Assert.True(await Store.ReleaseAsync(SweepId, 0, "worker-a", "stopped by the user"));
        Assert.False(await Store.ReleaseAsync(SweepId, 0, "worker-a", "twice"));

        var released = await Store.GetTrialAsync(SweepId, 0);
        Assert.Equal(TrialState.Pending, released!.State);
        Assert.Null(released.LeaseOwner);
        Assert.Null(released.LeaseExpiresAt);
        Assert.Equal("stopped by the user", released.Message);
        Assert.Equal(1, released.Attempts);
        Assert.False(await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(1), Goes));

        var again = await Store.TryLeaseAsync(SweepId, 0, "worker-c", T0.AddSeconds(1), LeaseEnd);
        Assert.Equal(2, again!.Attempts);
        Assert.Equal(T0, again.StartedAt);
    }

    [Fact]
    public async Task Pause_ParksTheTrialWithItsResult_AndOnlyTheLeaseHolderMayPause()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        var reached = Result(TrialOutcome.Pruned, Epoch(1));

        Assert.False(await Store.PauseAsync(SweepId, 0, "worker-b", reached, "not mine"));
        Assert.True(await Store.PauseAsync(SweepId, 0, "worker-a", reached, "paused at rung 1"));
        Assert.False(await Store.PauseAsync(SweepId, 0, "worker-a", reached, "twice"));

        var paused = (await Store.GetTrialAsync(SweepId, 0))!;
        Assert.Equal((TrialState.Paused, "paused at rung 1", 1), (paused.State, paused.Message, paused.Attempts));
        Assert.Null(paused.LeaseOwner);
        Assert.Null(paused.FinishedAt);
        Assert.Equal(SweepJson.Serialize(reached), SweepJson.Serialize(paused.Result!));
        Assert.False(await Store.AppendEpochAsync(SweepId, 0, "worker-a", Epoch(2), Goes));
    }

    [Fact]
    public async Task LeasingAPausedTrial_PromotesItWithoutCountingAnAttempt()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        await Store.PauseAsync(SweepId, 0, "worker-a", Result(TrialOutcome.Pruned, Epoch(1)), "paused at rung 1");

        var promoted = await Store.TryLeaseAsync(SweepId, 0, "worker-b", T0.AddSeconds(5), LeaseEnd);

        Assert.Equal((TrialState.Running, "worker-b", 1, T0), (promoted!.State, promoted.LeaseOwner, promoted.Attempts, promoted.StartedAt!.Value));
        Assert.True(await Store.AppendEpochAsync(SweepId, 0, "worker-b", Epoch(2), Goes));
        Assert.Null(await Store.TryLeaseAsync(SweepId, 0, "worker-c", T0.AddSeconds(6), LeaseEnd));
    }

    [Fact]
    public async Task ConcludePaused_RecordsItPrunedWithTheResultItReached_OnlyWhenPaused()
    {
        await SeedAsync(2);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        var reached = Result(TrialOutcome.Pruned, Epoch(1));
        await Store.PauseAsync(SweepId, 0, "worker-a", reached, "paused at rung 1");

        Assert.False(await Store.ConcludePausedAsync(SweepId, 1, "pending, not paused", T0));
        Assert.True(await Store.ConcludePausedAsync(SweepId, 0, "pruned at rung 1", T0.AddSeconds(9)));
        Assert.False(await Store.ConcludePausedAsync(SweepId, 0, "twice", T0.AddSeconds(10)));

        var pruned = (await Store.GetTrialAsync(SweepId, 0))!;
        Assert.Equal((TrialState.Pruned, "pruned at rung 1", T0.AddSeconds(9)), (pruned.State, pruned.Message, pruned.FinishedAt!.Value));
        Assert.Equal(SweepJson.Serialize(reached), SweepJson.Serialize(pruned.Result!));
        Assert.Null(await Store.TryLeaseAsync(SweepId, 0, "worker-b", T0.AddSeconds(11), LeaseEnd));
        Assert.Equal(TrialState.Pending, (await Store.GetTrialAsync(SweepId, 1))!.State);
    }

    [Fact]
    public async Task Result_WithNaNAndInfiniteValues_RoundTrips()
    {
        await SeedAsync(1);
        await Store.TryLeaseAsync(SweepId, 0, "worker-a", T0, LeaseEnd);
        var result = DivergedResult();

        await Store.FinishAsync(SweepId, 0, "worker-a", TrialState.Diverged, result, result.Message, T0.AddSeconds(3));

        var stored = (await Store.GetTrialAsync(SweepId, 0))!.Result!;
        Assert.Equal(SweepJson.Serialize(result), SweepJson.Serialize(stored));
        Assert.True(double.IsNaN(stored.Epochs[1].ValLoss));
        Assert.Equal(double.PositiveInfinity, stored.Epochs[1].TrainLoss);
        Assert.Equal(double.NegativeInfinity, stored.Test!.Loss);
        Assert.Equal(result.Test!.Misclassified[0].Pixels, stored.Test.Misclassified[0].Pixels);
        Assert.Equal(result.Test.ConfusionMatrix, stored.Test.ConfusionMatrix);
    }

    [Fact]
    public async Task ConcurrentLeasing_GivesEachTrialToExactlyOneOwner()
    {
        const int trialCount = 12;
        const int workerCount = 6;
        await SeedAsync(trialCount);

        var leasesPerWorker = await Task.WhenAll(Enumerable.Range(0, workerCount).Select(worker => Task.Run(async () =>
        {
            var won = new List<int>();
            for (var step = 0; step < trialCount; step++)
            {
                var index = (step + worker * 5) % trialCount;
                if (await Store.TryLeaseAsync(SweepId, index, $"worker-{worker}", T0, LeaseEnd) is not null)
                    won.Add(index);
            }
            return (Owner: $"worker-{worker}", Won: won);
        })));

        var winners = leasesPerWorker.SelectMany(worker => worker.Won.Select(index => (index, worker.Owner))).ToList();
        Assert.Equal(Enumerable.Range(0, trialCount), winners.Select(winner => winner.index).Order());
        foreach (var trial in await Store.GetTrialsAsync(SweepId))
        {
            Assert.Equal(winners.Single(winner => winner.index == trial.Index).Owner, trial.LeaseOwner);
            Assert.Equal(1, trial.Attempts);
        }
    }

    private async Task SeedAsync(int trialCount)
    {
        await Store.CreateSweepAsync(NewSweep(SweepId));
        await Store.AddTrialsAsync(SweepId, Plans(trialCount));
    }

    private static void AssertSamePlan(PlannedTrial expected, PlannedTrial actual)
    {
        Assert.Equal(
            (expected.Index, expected.Repeat, expected.Seed, expected.ConfigKey, expected.Round, expected.Role),
            (actual.Index, actual.Repeat, actual.Seed, actual.ConfigKey, actual.Round, actual.Role));
        Assert.Equal(expected.Changes, actual.Changes);
    }
}
