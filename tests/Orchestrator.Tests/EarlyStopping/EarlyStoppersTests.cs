using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.EarlyStopping;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Tests.EarlyStopping;

public class EarlyStoppersTests
{
    [Theory]
    [InlineData(EarlyStoppingPolicy.None, typeof(NoEarlyStopping))]
    [InlineData(EarlyStoppingPolicy.Median, typeof(MedianStoppingRule))]
    [InlineData(EarlyStoppingPolicy.Asha, typeof(AshaStopper))]
    public void For_GivesThePolicysStopper(EarlyStoppingPolicy policy, Type expected) =>
        Assert.IsType(expected, EarlyStoppers.For(policy));

    [Fact]
    public void NoEarlyStopping_NeverStopsEvenTheWorstTrial()
    {
        var curves = new Dictionary<int, IReadOnlyList<double>> { [0] = [0.9, 0.9], [1] = [0.8, 0.8], [2] = [0.0, 0.0] };

        Assert.False(new NoEarlyStopping().ShouldStop(new EarlyStoppingSpec(), new ObjectiveSpec(), 2, 2, curves).Stop);
    }
}
