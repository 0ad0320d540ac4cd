using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Tests.Scheduling;

public class TimeLeftTests
{
    private static TrialRecord Record(int index, TrialState state, double? seconds = null) =>
        SweepStatusTests.Trial(index, state, seconds, objective: 0.5);

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
            Record(0, TrialState.Completed, 10), Record(1, TrialState.Pruned, 20), Record(2, TrialState.Running),
            Record(3, TrialState.Running), Record(4, TrialState.Pending), Record(5, TrialState.Pending),
            Record(6, TrialState.Pending),
        ];
        var progress = SweepProjection.Load(new ObjectiveSpec(), trials, []).Progress();

        Assert.Equal(TimeSpan.FromSeconds(45), TimeLeft.Of(trials, slotsWhenIdle: 8));
        Assert.Equal(TimeLeft.Of(trials, slotsWhenIdle: 8), TimeLeft.Of(progress, slotsWhenIdle: 8));
    }

    [Fact]
    public void WhileNothingRuns_TheSweepsSlotsAreAssumed()
    {
        TrialRecord[] trials = [Record(0, TrialState.Completed, 10), Record(1, TrialState.Pending), Record(2, TrialState.Pending)];

        Assert.Equal(TimeSpan.FromSeconds(10), TimeLeft.Of(trials, slotsWhenIdle: 2));
        Assert.Equal(TimeSpan.FromSeconds(20), TimeLeft.Of(trials, slotsWhenIdle: 1));
    }
}
