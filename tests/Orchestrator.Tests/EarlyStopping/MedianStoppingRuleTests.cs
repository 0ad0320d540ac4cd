using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.EarlyStopping;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Tests.EarlyStopping;

public class MedianStoppingRuleTests
{
    private static readonly EarlyStoppingSpec Rule = new()
        { Policy = EarlyStoppingPolicy.Median, GraceEpochs = 2, MinTrials = 3 };

    private static readonly ObjectiveSpec Maximize = new() { Mode = ObjectiveMode.Max };
    private static readonly ObjectiveSpec Minimize = new() { Mode = ObjectiveMode.Min };

    /// <summary>Three finished trials whose running averages at epoch 3 are 0.6, 0.7 and 0.8 (median 0.7), although
    /// every one of them ends at 0.9 or above.</summary>
    private static Dictionary<int, IReadOnlyList<double>> Others() => new()
    {
        [0] = [0.4, 0.5, 0.9],
        [1] = [0.5, 0.6, 1.0],
        [2] = [0.6, 0.8, 1.0],
    };

    private static StopDecision Decide(IReadOnlyList<double> own, int epoch, ObjectiveSpec? objective = null,
        Dictionary<int, IReadOnlyList<double>>? others = null)
    {
        var curves = others ?? Others();
        curves[9] = own;
        return new MedianStoppingRule().ShouldStop(Rule, objective ?? Maximize, 9, epoch, curves);
    }

    [Fact]
    public void BestSoFarBelowTheMedianOfRunningAverages_Stops()
    {
        var decision = Decide([0.5, 0.65, 0.6], epoch: 3);

        Assert.True(decision.Stop);
        Assert.Contains("best 0.65 by epoch 3 against the median 0.7", decision.Reason);
    }

    [Fact]
    public void BestSoFarAboveTheMedian_Continues_EvenIfTheLatestValueIsBelow()
    {
        Assert.False(Decide([0.5, 0.75, 0.6], epoch: 3).Stop);
    }

    [Fact]
    public void BeforeTheGraceEpoch_Continues()
    {
        var decision = Decide([0.1], epoch: 1);

        Assert.False(decision.Stop);
        Assert.Contains("grace", decision.Reason);
    }

    [Fact]
    public void FewerOtherTrialsAtThisEpochThanMinTrials_Continues()
    {
        var others = Others();
        others[2] = [0.6, 0.8];

        var decision = Decide([0.1, 0.1, 0.1], epoch: 3, others: others);

        Assert.False(decision.Stop);
        Assert.Contains("2 other trials reached epoch 3", decision.Reason);
    }

    [Fact]
    public void WhenMinimizing_ALossAboveTheMedian_Stops_AndOneBelow_Continues()
    {
        var losses = new Dictionary<int, IReadOnlyList<double>>
        {
            [0] = [1.0, 0.8], [1] = [1.2, 1.0], [2] = [1.4, 1.2], [3] = [1.6, 1.4],
        };

        // Running averages at epoch 2: 0.9, 1.1, 1.3, 1.5 → median 1.2.
        Assert.True(Decide([1.3, 1.25], epoch: 2, Minimize, new(losses)).Stop);
        Assert.False(Decide([1.3, 1.15], epoch: 2, Minimize, new(losses)).Stop);
    }

    [Fact]
    public void TrialsWithAnObjectiveThatIsNotFinite_DoNotCountTowardsTheMedian()
    {
        var others = Others();
        others[3] = [double.NaN, double.NaN, double.NaN];
        others[2] = [0.6, double.NaN, 1.0];

        Assert.False(Decide([0.1, 0.1, 0.1], epoch: 3, others: others).Stop);
    }

    [Fact]
    public void Median_OfAnEvenCount_IsTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(2.5, MedianStoppingRule.Median([4, 1, 3, 2]));
        Assert.Equal(3, MedianStoppingRule.Median([5, 1, 3]));
    }
}
