using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Tests.TestKit;
using static Sweep.Orchestrator.Tests.TestKit.Outcomes;

namespace Sweep.Orchestrator.Tests.Grains;

public class SweepGrainFinishAndLeaseTests(SweepClusterFixture fixture) : IClassFixture<SweepClusterFixture>
{
    [Fact]
    public async Task FinishAndLease_RecordsTheFinish_AndHandsTheNextWaitingTrialToTheNextOwner()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.Ofat(lrValues: "[0.0003, 0.003]"));
        var first = (await sweep.Grain.LeaseAsync("a")).Assignment!;

        var finished = await sweep.Grain.FinishAndLeaseAsync(first.Plan.Index, "a", Completed(0.8), "b");

        Assert.True(finished.Accepted);
        Assert.Equal(TrialState.Completed, (await sweep.TrialAsync(first.Plan.Index)).State);
        Assert.Equal(LeaseStatus.Assigned, finished.Next.Status);
        var next = finished.Next.Assignment!;
        Assert.Equal((1, 1), (next.Plan.Index, next.Attempt));
        Assert.Equal(0.0003, next.Spec.Training.Lr);
        Assert.Equal("b", (await sweep.TrialAsync(1)).LeaseOwner);
    }

    [Fact]
    public async Task FinishAndLease_FromAnOwnerWhoseLeaseExpired_IsRefused_ButStillLeasesAWaitingTrial()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.Ofat(lrValues: "[0.0003, 0.003]"));
        var held = (await sweep.Grain.LeaseAsync("old")).Assignment!;
        fixture.Time.Advance(SweepTestCluster.LeaseDuration);
        Assert.Equal(held.Plan.Index, (await sweep.Grain.LeaseAsync("new")).Assignment!.Plan.Index);

        var finished = await sweep.Grain.FinishAndLeaseAsync(held.Plan.Index, "old", Completed(0.9), "old-next");

        Assert.False(finished.Accepted);
        Assert.Equal(TrialState.Running, (await sweep.TrialAsync(held.Plan.Index)).State);
        Assert.Equal("new", (await sweep.TrialAsync(held.Plan.Index)).LeaseOwner);
        Assert.Equal(1, finished.Next.Assignment!.Plan.Index);
        Assert.Equal("old-next", (await sweep.TrialAsync(1)).LeaseOwner);
    }

    [Fact]
    public async Task FinishAndLease_OfAFailedTrialWithARetryLeft_LeasesItsRetryBeforeTheTrialsAfterIt()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.Ofat(lrValues: "[0.0003, 0.003]",
            extraSearch: "  retries: 1"));
        var first = (await sweep.Grain.LeaseAsync("a")).Assignment!;

        var finished = await sweep.Grain.FinishAndLeaseAsync(first.Plan.Index, "a", Failed("out of memory"), "b");

        Assert.True(finished.Accepted);
        Assert.Equal((first.Plan.Index, 2), (finished.Next.Assignment!.Plan.Index, finished.Next.Assignment.Attempt));
        Assert.Equal(TrialState.Pending, (await sweep.TrialAsync(1)).State);
    }

    [Fact]
    public async Task FinishAndLease_OfARoundsLastTrial_LeasesTheFirstTrialTheFinishPlanned()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.Adaptive);
        await sweep.StartAdaptiveRoundZeroAsync(finish: [0, 1, 2]);
        var roundZero = TestSweep.AdaptiveRoundZero;

        var finished = await sweep.Grain.FinishAndLeaseAsync(3, "slot3", Completed(roundZero[3]), "next");

        Assert.True(finished.Accepted);
        Assert.Equal((4, 1), (finished.Next.Assignment!.Plan.Index, finished.Next.Assignment.Plan.Round));
        Assert.Equal("next", (await sweep.TrialAsync(4)).LeaseOwner);
    }

    [Fact]
    public async Task FinishAndLease_OfTheLastTrial_SaysTheSweepFinished()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.BaselineOnly(retries: 0));
        var only = (await sweep.Grain.LeaseAsync("slot")).Assignment!;

        var finished = await sweep.Grain.FinishAndLeaseAsync(only.Plan.Index, "slot", Completed(0.8), "next");

        Assert.True(finished.Accepted);
        Assert.Equal(LeaseStatus.SweepFinished, finished.Next.Status);
    }
}
