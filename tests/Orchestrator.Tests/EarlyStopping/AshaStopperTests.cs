using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.EarlyStopping;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Tests.EarlyStopping;

public class AshaStopperTests
{
    private static readonly EarlyStoppingSpec Asha = new()
        { Policy = EarlyStoppingPolicy.Asha, GraceEpochs = 1, Reduction = 3 };

    private static readonly ObjectiveSpec Maximize = new() { Mode = ObjectiveMode.Max };
    private static readonly ObjectiveSpec Minimize = new() { Mode = ObjectiveMode.Min };

    /// <summary>Five earlier trials that reached rung 3 with 0.50, 0.60, 0.70, 0.80 and 0.90.</summary>
    private static Dictionary<int, IReadOnlyList<double>> Earlier() => new()
    {
        [0] = [0.1, 0.2, 0.50, 0.6],
        [1] = [0.1, 0.2, 0.60],
        [2] = [0.1, 0.2, 0.70, 0.8],
        [3] = [0.1, 0.2, 0.80],
        [4] = [0.1, 0.2, 0.90, 0.95],
    };

    private static StopDecision Decide(IReadOnlyList<double> own, int epoch, EarlyStoppingSpec? spec = null,
        ObjectiveSpec? objective = null, Dictionary<int, IReadOnlyList<double>>? earlier = null,
        bool trialsWaiting = false)
    {
        var curves = earlier ?? Earlier();
        curves[7] = own;
        return new AshaStopper(trialsWaiting).ShouldStop(spec ?? Asha, objective ?? Maximize, 7, epoch, curves);
    }

    [Fact]
    public void ATrialIsJudgedByItsBestEpochSoFar_NotByTheRungEpochAlone()
    {
        Assert.Equal(StopAction.Continue, Decide([0.1, 0.95, 0.3], epoch: 3).Action);
        Assert.Equal(StopAction.Pause, Decide([0.75, 0.1, 0.3], epoch: 3).Action);
    }

    [Fact]
    public void WhileTrialsWait_EvenALeaderPauses_ToBePromotedWhenSlotsRunOutOfThem()
    {
        var decision = Decide([0.1, 0.2, 0.99], epoch: 3, trialsWaiting: true);

        Assert.Equal(StopAction.Pause, decision.Action);
        Assert.Contains("waits while untried trials run", decision.Reason);
    }

    [Theory]
    [InlineData(0.85, StopAction.Continue)]
    [InlineData(0.80, StopAction.Continue)]
    [InlineData(0.75, StopAction.Pause)]
    public void AtARung_OnlyTheTopThirdOfRecordedValuesContinues_TheRestPause(double own, StopAction action)
    {
        // Six values at rung 3 keep the best two: 0.9 and the better of 0.8 and the trial's own (ties continue).
        var decision = Decide([0.1, 0.2, own], epoch: 3);

        Assert.Equal(action, decision.Action);
        Assert.Contains("at rung 3 against the best 2 of 6", decision.Reason);
    }

    [Fact]
    public void BetweenRungs_Continues()
    {
        var decision = Decide([0.0, 0.0, 0.0, 0.0], epoch: 4);

        Assert.False(decision.Stop);
        Assert.Contains("the next one is epoch 9", decision.Reason);
    }

    [Fact]
    public void WithFewerValuesThanTheReductionFactor_EvenTheBestPauses()
    {
        var earlier = new Dictionary<int, IReadOnlyList<double>> { [0] = [0.5] };

        Assert.Equal(StopAction.Pause, Decide([0.9], epoch: 1, earlier: earlier).Action);
        earlier[1] = [0.4];
        Assert.Equal(StopAction.Continue, Decide([0.9], epoch: 1, earlier: earlier).Action);
        Assert.Equal(StopAction.Pause, Decide([0.45], epoch: 1, earlier: earlier).Action);
    }

    [Fact]
    public void WhenMinimizing_TheLowestValuesContinue()
    {
        Dictionary<int, IReadOnlyList<double>> Losses() => new()
        {
            [0] = [0.9, 0.8, 0.5], [1] = [0.9, 0.8, 0.6], [2] = [0.9, 0.8, 0.7], [3] = [0.9, 0.8, 0.8], [4] = [0.9, 0.8, 0.9],
        };

        Assert.False(Decide([1, 1, 0.55], epoch: 3, objective: Minimize, earlier: Losses()).Stop);
        Assert.True(Decide([1, 1, 0.65], epoch: 3, objective: Minimize, earlier: Losses()).Stop);
    }

    [Fact]
    public void Grace_MovesTheRungs_AndNothingStopsBeforeIt()
    {
        var spec = Asha with { GraceEpochs = 2, Reduction = 2 };
        var earlier = new Dictionary<int, IReadOnlyList<double>>
            { [0] = [0.9, 0.9, 0.9, 0.9], [1] = [0.8, 0.8, 0.8, 0.8] };

        Assert.False(Decide([0.1], epoch: 1, spec, earlier: new(earlier)).Stop);
        Assert.True(Decide([0.1, 0.1], epoch: 2, spec, earlier: new(earlier)).Stop);
        Assert.False(Decide([0.1, 0.1, 0.1], epoch: 3, spec, earlier: new(earlier)).Stop);
        Assert.True(Decide([0.1, 0.1, 0.1, 0.1], epoch: 4, spec, earlier: new(earlier)).Stop);
    }

    [Fact]
    public void ANonFiniteObjective_RanksLast()
    {
        Assert.True(Decide([0.1, 0.2, double.NaN], epoch: 3).Stop);
    }

    [Fact]
    public void AnEpochTheTrialHasNotRecorded_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Decide([0.1], epoch: 3));
    }
}
