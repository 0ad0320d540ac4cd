using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Specs;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Scheduling;

public class TimeLeftTests
{
    private static TrialRecord Trial(int index, TrialState state, double? seconds = null) =>
        new("s", Plan(index), state, 1, null, null, null, null,
            seconds is { } s ? Result() with { Seconds = s, BestObjective = 0.5 } : null, null);

    [Theory]
    [InlineData(4, 4, 10.0)]   // one wave of four
    [InlineData(5, 4, 20.0)]   // a fifth trial waits for a slot
    [InlineData(3, 1, 30.0)]
    [InlineData(0, 2, 0.0)]
    public void Estimate_CountsWavesOfTheTrialsRunningAtOnce(int unfinished, int parallel, double expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), TimeLeft.Estimate(2, 20, unfinished, parallel));

    [Fact]
    public void Estimate_BeforeAnyTrialFinished_IsUnknown() => Assert.Null(TimeLeft.Estimate(0, 0, 5, 2));

    /// <summary>The live progress (grain counts) and <c>sweep status</c> (stored records) give the same figure.</summary>
    [Fact]
    public void ProgressAndRecords_GiveOneEstimate()
    {
        TrialRecord[] trials =
        [
            Trial(0, TrialState.Completed, 10), Trial(1, TrialState.Pruned, 20), Trial(2, TrialState.Running),
            Trial(3, TrialState.Running), Trial(4, TrialState.Pending), Trial(5, TrialState.Pending),
            Trial(6, TrialState.Pending),
        ];
        var progress = SweepProjection.Load(new ObjectiveSpec(), trials, []).Progress();

        Assert.Equal(TimeSpan.FromSeconds(45), TimeLeft.Of(trials, slotsWhenIdle: 8));
        Assert.Equal(TimeLeft.Of(trials, slotsWhenIdle: 8), TimeLeft.Of(progress, slotsWhenIdle: 8));
    }

    [Fact]
    public void WhileNothingRuns_TheSweepsSlotsAreAssumed()
    {
        TrialRecord[] trials = [Trial(0, TrialState.Completed, 10), Trial(1, TrialState.Pending), Trial(2, TrialState.Pending)];

        Assert.Equal(TimeSpan.FromSeconds(10), TimeLeft.Of(trials, slotsWhenIdle: 2));
        Assert.Equal(TimeSpan.FromSeconds(20), TimeLeft.Of(trials, slotsWhenIdle: 1));
    }
}
