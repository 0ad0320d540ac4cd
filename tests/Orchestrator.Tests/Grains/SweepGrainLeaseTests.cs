using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Tests.TestKit;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Orchestrator.Tests.TestKit.Outcomes;

namespace Sweep.Orchestrator.Tests.Grains;

public class SweepGrainLeaseTests(SweepClusterFixture fixture) : IClassFixture<SweepClusterFixture>
{
    [Fact]
    public async Task Lease_HandsOutTrialsInIndexOrder_ThenNothingYet()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.Ofat(lrValues: "[0.0003, 0.003]"));

        var leases = new List<LeaseResponse>();
        foreach (var owner in new[] { "a", "b", "c", "d" })
            leases.Add(await sweep.Grain.LeaseAsync(owner));

        Assert.Equal([0, 1, 2], leases.Take(3).Select(l => l.Assignment!.Plan.Index));
        Assert.All(leases.Take(3), l => Assert.Equal(1, l.Assignment!.Attempt));
        Assert.Equal(LeaseStatus.NothingYet, leases[3].Status);
        Assert.Null(leases[3].Assignment);
        var second = leases[1].Assignment!;
        Assert.Equal(TrialKind.Synthetic, second.Spec.Kind);
        Assert.Equal(0.0003, second.Spec.Training.Lr);
        Assert.Equal(second.Plan.Seed, second.Spec.Seed);
        Assert.Equal(SyntheticSpecs.Path, second.SpecFile);
        Assert.Equal("b", (await sweep.TrialAsync(1)).LeaseOwner);
    }

    [Fact]
    public async Task Lease_ExpiresWhenWorkerStopsRenewing()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.Ofat(lrValues: "[0.003]"));
        var first = (await sweep.Grain.LeaseAsync("old")).Assignment!;
        await sweep.Grain.LeaseAsync("other");

        fixture.Time.Advance(SweepTestCluster.LeaseDuration);
        var taken = await sweep.Grain.LeaseAsync("new");

        Assert.Equal(first.Plan.Index, taken.Assignment!.Plan.Index);
        Assert.Equal(2, taken.Assignment.Attempt);
        Assert.Equal(EpochDecision.Stop, await sweep.Grain.ReportEpochAsync(first.Plan.Index, "old", Epoch(1, 0.9)));
        Assert.False(await sweep.Grain.RenewAsync(first.Plan.Index, "old"));
        Assert.False(await sweep.Grain.FinishAsync(first.Plan.Index, "old", Completed(0.9)));
        Assert.Empty(await sweep.Store.GetEpochsAsync(sweep.Id, first.Plan.Index));
        Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(first.Plan.Index, "new", Epoch(1, 0.8)));
        Assert.True(await sweep.Grain.FinishAsync(first.Plan.Index, "new", Completed(0.8)));
        Assert.Equal(TrialState.Completed, (await sweep.TrialAsync(first.Plan.Index)).State);
    }

    [Fact]
    public async Task Lease_RenewedByEveryEpochReport_DoesNotExpire()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.BaselineOnly(retries: 0));
        var held = (await sweep.Grain.LeaseAsync("slot")).Assignment!;

        fixture.Time.Advance(SweepTestCluster.LeaseDuration * 0.75);
        await sweep.Grain.ReportEpochAsync(held.Plan.Index, "slot", Epoch(1, 0.8));
        fixture.Time.Advance(SweepTestCluster.LeaseDuration * 0.75);
        var attempt = await sweep.Grain.LeaseAsync("thief");

        Assert.Equal(LeaseStatus.NothingYet, attempt.Status);
        Assert.Equal("slot", (await sweep.TrialAsync(held.Plan.Index)).LeaseOwner);
    }

    [Fact]
    public async Task Finish_RecordsOnce()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.Ofat(lrValues: "[0.003]"));
        var trial = (await sweep.Grain.LeaseAsync("slot")).Assignment!.Plan.Index;

        var finishedAt = fixture.Time.GetUtcNow();
        Assert.True(await sweep.Grain.FinishAsync(trial, "slot", Completed(0.8)));
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(await sweep.Grain.FinishAsync(trial, "slot", Completed(0.95)));

        var record = await sweep.TrialAsync(trial);
        Assert.Equal(0.8, record.Result!.BestObjective);
        Assert.Equal(finishedAt, record.FinishedAt);
        var progress = await sweep.Grain.GetProgressAsync();
        Assert.Equal(1, progress.Counts[TrialState.Completed]);
        Assert.Equal<(int?, double?)>((trial, 0.8), (progress.BestTrial, progress.BestObjective));
    }

    [Fact]
    public async Task FailedTrial_WithARetryLeft_GoesBackToPending_ThenFailsForGood()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.BaselineOnly(retries: 1));

        var first = (await sweep.Grain.LeaseAsync("first")).Assignment!;
        Assert.True(await sweep.Grain.FinishAsync(0, "first", Failed("out of memory")));
        var released = await sweep.TrialAsync(0);
        var second = (await sweep.Grain.LeaseAsync("second")).Assignment!;
        Assert.True(await sweep.Grain.FinishAsync(0, "second", Failed("out of memory again")));

        Assert.Equal((TrialState.Pending, 1, 1, "retrying after: out of memory"),
            (released.State, released.Attempts, released.Failures, released.Message));
        Assert.Equal((0, 1, 0, 2), (first.Plan.Index, first.Attempt, second.Plan.Index, second.Attempt));
        var failed = await sweep.TrialAsync(0);
        Assert.Equal((TrialState.Failed, 2, "out of memory again"), (failed.State, failed.Attempts, failed.Message));
        Assert.Equal(LeaseStatus.SweepFinished, (await sweep.Grain.LeaseAsync("third")).Status);
    }

    [Fact]
    public async Task Interruptions_NeverUseUpARetry_OnlyFailuresDo()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.BaselineOnly(retries: 1));
        for (var stop = 0; stop < 3; stop++)
        {
            await sweep.Grain.LeaseAsync($"run{stop}");
            await sweep.Grain.ReleaseAsync(0, $"run{stop}", "stopped by the user");
        }

        await sweep.Grain.LeaseAsync("crashes");
        Assert.True(await sweep.Grain.FinishAsync(0, "crashes", Failed("trial worker exited with code 137")));

        var retried = await sweep.TrialAsync(0);
        Assert.Equal((TrialState.Pending, 4, 1), (retried.State, retried.Attempts, retried.Failures));
    }

    [Fact]
    public async Task FailedReport_FromAnExpiredLease_IsRefusedEvenWithRetriesLeft()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.BaselineOnly(retries: 2));
        await sweep.Grain.LeaseAsync("old");
        fixture.Time.Advance(SweepTestCluster.LeaseDuration);
        await sweep.Grain.LeaseAsync("new");

        Assert.False(await sweep.Grain.FinishAsync(0, "old", Failed("late news")));

        var trial = await sweep.TrialAsync(0);
        Assert.Equal((TrialState.Running, "new", 2), (trial.State, trial.LeaseOwner, trial.Attempts));
    }

    [Fact]
    public async Task Lease_WhenEveryTrialHasFinished_SaysSweepFinished()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.Ofat(lrValues: "[0.003]"));
        var objectives = new Dictionary<int, double> { [0] = 0.81, [1] = 0.86 };
        foreach (var (index, objective) in objectives)
        {
            var lease = await sweep.Grain.LeaseAsync($"slot{index}");
            Assert.Equal(index, lease.Assignment!.Plan.Index);
            Assert.Equal(EpochDecision.Continue, await sweep.Grain.ReportEpochAsync(index, $"slot{index}", Epoch(1, objective)));
            await sweep.Grain.FinishAsync(index, $"slot{index}", Completed(objective));
        }

        var progress = await sweep.Grain.GetProgressAsync();

        Assert.Equal(LeaseStatus.SweepFinished, (await sweep.Grain.LeaseAsync("late")).Status);
        Assert.True(progress.Finished);
        Assert.Equal((2, 2), (progress.Planned, progress.Counts[TrialState.Completed]));
        Assert.Equal<(int?, double?)>((1, 0.86), (progress.BestTrial, progress.BestObjective));
    }
}
