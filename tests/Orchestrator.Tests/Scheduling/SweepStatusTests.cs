using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Specs;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Scheduling;

public class SweepStatusTests
{
    private static readonly ObjectiveSpec MaxAccuracy = new() { Mode = ObjectiveMode.Max };

    internal static TrialRecord Trial(int index, TrialState state, double? seconds = null, double? objective = null) =>
        new("sweep-1", Plan(index), state, 1, null, null, T0, null,
            seconds is { } s ? Result() with { Seconds = s, BestObjective = objective } : null, null);

    [Fact]
    public void TimeLeft_IsTheMeanFinishedDurationTimesTheUnfinishedTrials()
    {
        var trials = new[]
        {
            Trial(0, TrialState.Completed, seconds: 10, objective: 0.8),
            Trial(1, TrialState.Pruned, seconds: 20, objective: 0.9),
            Trial(2, TrialState.Failed, seconds: 30),
            Trial(3, TrialState.Running),
            Trial(4, TrialState.Pending),
        };

        var summary = SweepStatus.Summarize(trials, MaxAccuracy);

        Assert.Equal(TimeSpan.FromSeconds(60), summary.ComputeUsed);
        Assert.Equal(TimeSpan.FromSeconds(40), summary.EstimatedLeft);
        Assert.Equal((1, 1, 1, 1, 1, 0), (summary.Counts[TrialState.Completed], summary.Counts[TrialState.Pruned],
            summary.Counts[TrialState.Failed], summary.Counts[TrialState.Running], summary.Counts[TrialState.Pending],
            summary.Counts[TrialState.Diverged]));
        Assert.Equal(1, summary.Best!.Index);
    }

    [Fact]
    public void Best_FollowsTheObjectiveMode_AndIgnoresFailedAndDivergedTrials()
    {
        var trials = new[]
        {
            Trial(0, TrialState.Completed, seconds: 1, objective: 0.4),
            Trial(1, TrialState.Completed, seconds: 1, objective: 0.2),
            Trial(2, TrialState.Diverged, seconds: 1, objective: 0.01),
            Trial(3, TrialState.Failed, seconds: 1, objective: 0.99),
        };

        Assert.Equal(0, SweepStatus.Summarize(trials, MaxAccuracy).Best!.Index);
        Assert.Equal(1, SweepStatus.Summarize(trials, new ObjectiveSpec { Mode = ObjectiveMode.Min }).Best!.Index);
    }

    [Fact]
    public void BeforeAnyTrialFinishes_NothingIsEstimated()
    {
        var summary = SweepStatus.Summarize([Trial(0, TrialState.Running), Trial(1, TrialState.Pending)], MaxAccuracy);

        Assert.Null(summary.EstimatedLeft);
        Assert.Null(summary.Best);
        Assert.Equal(TimeSpan.Zero, summary.ComputeUsed);
    }

    [Fact]
    public void WhenEveryTrialHasFinished_NoTimeIsLeft()
    {
        var summary = SweepStatus.Summarize([Trial(0, TrialState.Completed, seconds: 5, objective: 0.5)], MaxAccuracy);

        Assert.Equal(TimeSpan.Zero, summary.EstimatedLeft);
    }

    [Fact]
    public void Lines_ListEveryTrialInOrder_WithItsEpochsAndTheBestObjectiveSoFar()
    {
        var trials = new[] { Trial(1, TrialState.Running), Trial(0, TrialState.Completed, seconds: 1, objective: 0.9),
            Trial(2, TrialState.Pending) };
        var epochs = new[]
        {
            new EpochRecord(0, Epoch(1, valAccuracy: 0.7), StopDecision.Continue("off"), "a"),
            new EpochRecord(0, Epoch(2, valAccuracy: 0.9), StopDecision.Continue("off"), "a"),
            new EpochRecord(1, Epoch(1, valAccuracy: 0.6), StopDecision.Continue("off"), "b"),
            new EpochRecord(1, Epoch(2, valAccuracy: 0.5), StopDecision.Continue("off"), "b"),
        };

        var lines = SweepStatus.Lines(trials, epochs, MaxAccuracy);

        Assert.Equal([(0, TrialState.Completed, 2, (double?)0.9), (1, TrialState.Running, 2, 0.6), (2, TrialState.Pending, 0, null)],
            lines.Select(l => (l.Index, l.State, l.Epochs, l.Objective)));
        Assert.Equal(0.5, SweepStatus.Lines(trials, epochs, new ObjectiveSpec { Mode = ObjectiveMode.Min })[1].Objective);
    }

    /// <summary>The progress line, <c>sweep status</c> and the report name the same best trial: the best repeat of
    /// the configuration with the best mean, not a lucky seed of a worse one.</summary>
    [Fact]
    public void BestTrial_IsTheSameInProgressStatusAndReport()
    {
        var plans = new[]
        {
            Plan(0, new Sweep.Orchestrator.Search.ParameterChange("lr", "0.1", "0.01")) with { ConfigKey = "a", Repeat = 0 },
            Plan(1, new Sweep.Orchestrator.Search.ParameterChange("lr", "0.1", "0.01")) with { ConfigKey = "a", Repeat = 1 },
            Plan(2) with { ConfigKey = "b", Repeat = 0 },
            Plan(3) with { ConfigKey = "b", Repeat = 1 },
        };
        double[] objectives = [0.90, 0.50, 0.79, 0.81];
        var trials = plans.Select((plan, i) => Trial(i, TrialState.Completed, 10, objectives[i]) with { Plan = plan }).ToList();

        var status = SweepStatus.Summarize(trials, MaxAccuracy).Best!.Index;
        var progress = SweepProjection.Load(MaxAccuracy, trials, []).Progress().BestTrial;
        var report = Sweep.Reports.Analysis.Leaderboard.Build(
            trials.Select(t => new Sweep.Reports.Model.TrialInfo(t.Index, "completed", "x", [], t.Plan.Repeat, 0,
                t.Plan.ConfigKey, 0, [], null, SweepProjection.FinalObjective(t), null, null, null, 1, null, null, null)),
            maximize: true)[0].BestTrial.Index;

        Assert.Equal((3, 3, 3), (status, progress, report));
    }
}
