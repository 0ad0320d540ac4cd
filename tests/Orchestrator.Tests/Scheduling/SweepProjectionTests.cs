using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Scheduling;

public class SweepProjectionTests
{
    private static readonly ObjectiveSpec MaxAccuracy = new() { Metric = ObjectiveMetric.ValAccuracy, Mode = ObjectiveMode.Max };
    private static readonly ObjectiveSpec MinLoss = new() { Metric = ObjectiveMetric.ValLoss, Mode = ObjectiveMode.Min };

    private static TrialRecord Trial(int index, TrialState state, DateTimeOffset? leaseExpiresAt = null,
        double? objective = null) =>
        new("sweep-1", Plan(index), state, state == TrialState.Pending ? 0 : 1,
            state == TrialState.Running ? $"slot{index}" : null, leaseExpiresAt, null, null,
            objective is { } value ? Result() with { BestObjective = value } : null, null);

    [Fact]
    public void Leasable_ListsPendingTrialsAndExpiredLeases_LowestIndexFirst()
    {
        var projection = new SweepProjection(MaxAccuracy);
        projection.Apply(Trial(4, TrialState.Pending));
        projection.Apply(Trial(3, TrialState.Running, T0.AddMinutes(1)));
        projection.Apply(Trial(0, TrialState.Completed, objective: 0.9));
        projection.Apply(Trial(2, TrialState.Running, T0.AddSeconds(-1)));
        projection.Apply(Trial(1, TrialState.Failed));

        Assert.Equal([2, 4], projection.Leasable(T0).Select(t => t.Index));
        Assert.Equal([2, 3, 4], projection.Leasable(T0.AddMinutes(5)).Select(t => t.Index));
    }

    [Fact]
    public void Leasable_AtTheInstantALeaseExpires_IncludesIt()
    {
        var projection = new SweepProjection(MaxAccuracy);
        projection.Apply(Trial(0, TrialState.Running, T0));

        Assert.Equal([0], projection.Leasable(T0).Select(t => t.Index));
        Assert.Empty(projection.Leasable(T0.AddTicks(-1)));
    }

    [Fact]
    public void Apply_ALaterRecordOfATrial_ReplacesTheEarlierOne()
    {
        var projection = new SweepProjection(MaxAccuracy);
        projection.Apply(Trial(0, TrialState.Running, T0.AddMinutes(1)));
        projection.Apply(Trial(0, TrialState.Completed, objective: 0.8));

        Assert.Single(projection.Trials);
        Assert.Equal(TrialState.Completed, projection.Get(0)!.State);
        Assert.Null(projection.Get(1));
        Assert.True(projection.AllFinished);
    }

    [Fact]
    public void Observations_CarryTheObjectiveOfCompletedAndPrunedTrialsOnly()
    {
        var projection = new SweepProjection(MaxAccuracy);
        projection.Apply(Trial(0, TrialState.Completed, objective: 0.9));
        projection.Apply(Trial(1, TrialState.Pruned, objective: 0.6));
        projection.Apply(Trial(2, TrialState.Diverged, objective: 0.1));
        projection.Apply(Trial(3, TrialState.Failed, objective: 0.5));
        projection.Apply(Trial(4, TrialState.Running, T0));

        var observations = projection.Observations;

        Assert.Equal([0, 1, 2, 3, 4], observations.Select(o => o.Trial.Index));
        Assert.Equal([0.9, 0.6, null, null, null], observations.Select(o => o.Objective));
        Assert.Equal([TrialState.Completed, TrialState.Pruned, TrialState.Diverged, TrialState.Failed, TrialState.Running],
            observations.Select(o => o.State));
        Assert.False(projection.AllFinished);
    }

    [Fact]
    public void ObjectiveCurves_FollowTheObjectiveMetric_AndARerunEpochDropsTheEpochsAfterIt()
    {
        var projection = new SweepProjection(MinLoss);
        projection.Apply(0, Epoch(1, valLoss: 0.9), null);
        projection.Apply(0, Epoch(2, valLoss: 0.7), null);
        projection.Apply(0, Epoch(3, valLoss: 0.6), null);
        projection.Apply(1, Epoch(1, valLoss: 1.1), null);
        projection.Apply(0, Epoch(2, valLoss: 0.75), null);

        var curves = projection.ObjectiveCurves;

        Assert.Equal([0.9, 0.75], curves[0]);
        Assert.Equal([1.1], curves[1]);
    }

    [Fact]
    public void Load_ReplaysEpochsInEpochOrder_WhateverOrderTheStoreGives()
    {
        var projection = SweepProjection.Load(MaxAccuracy, [Trial(0, TrialState.Running, T0)],
            [new EpochRecord(0, Epoch(2, valAccuracy: 0.7)), new EpochRecord(0, Epoch(1, valAccuracy: 0.6))]);

        Assert.Equal([0.6, 0.7], projection.ObjectiveCurves[0]);
        Assert.Equal(TrialState.Running, projection.Get(0)!.State);
    }

    [Fact]
    public void Progress_CountsEveryState_AndPicksTheBestAsTheRankingDoes()
    {
        var trials = new[]
        {
            Trial(0, TrialState.Completed, objective: 0.30),
            Trial(1, TrialState.Pruned, objective: 0.20),
            Trial(2, TrialState.Completed, objective: 0.50),
            Trial(3, TrialState.Diverged, objective: 0.01),
            Trial(4, TrialState.Running, T0),
            Trial(5, TrialState.Pending),
            Trial(6, TrialState.Paused, objective: 0.60),
        };
        var maximize = SweepProjection.Load(MaxAccuracy, trials, []).Progress();
        var minimize = SweepProjection.Load(MinLoss, trials, []).Progress();

        Assert.Equal(7, maximize.Planned);
        Assert.False(maximize.Finished);
        Assert.Equal(Enum.GetValues<TrialState>().ToDictionary(s => s, s => s is TrialState.Failed ? 0 : s is TrialState.Completed ? 2 : 1),
            maximize.Counts);
        // Repeats pair up by configuration: (0, 1), (2, 3), (4, 5), (6). Configurations with a repeat stopped early
        // (the pruned trial 1, the paused trial 6) rank after those that trained to their end (Ranking.Rule), and the
        // diverged trial 3 has no objective, so in either mode the best is trial 2 of configuration (2, 3).
        Assert.Equal<(int?, double?)>((2, 0.50), (maximize.BestTrial, maximize.BestObjective));
        Assert.Equal<(int?, double?)>((2, 0.50), (minimize.BestTrial, minimize.BestObjective));
    }

    [Fact]
    public void Progress_OfAnEmptyOrUnmeasuredSweep_HasNoBest()
    {
        var empty = new SweepProjection(MaxAccuracy).Progress();
        var unmeasured = SweepProjection.Load(MaxAccuracy, [Trial(0, TrialState.Failed), Trial(1, TrialState.Pending)], [])
            .Progress();

        Assert.Equal((0, true), (empty.Planned, empty.Finished));
        Assert.Null(empty.BestTrial);
        Assert.Null(unmeasured.BestTrial);
        Assert.Null(unmeasured.BestObjective);
    }

    [Fact]
    public void Progress_OnATie_KeepsTheLowerIndex()
    {
        var progress = SweepProjection.Load(MaxAccuracy,
            [Trial(3, TrialState.Completed, objective: 0.7), Trial(1, TrialState.Completed, objective: 0.7)], []).Progress();

        Assert.Equal(1, progress.BestTrial);
    }
}
