using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using static Sweep.Orchestrator.Tests.Search.SearchTestKit;

namespace Sweep.Orchestrator.Tests.Search;

public class GridStrategyTests
{
    [Fact]
    public void Plan_IsTheCartesianProduct_FirstParameterSlowest_ValuesInFileOrder_TimesRepeats()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.Grid,
            Repeats = 2,
            Parameters = [Values("a", "1", "2"), Values("b", "x", "y", "z")],
        }, new Dictionary<string, string> { ["a"] = "1", ["b"] = "q" });

        var plan = SweepPlanner.InitialPlan(spec);

        Assert.Equal(2 * 3 * 2, plan.Count);
        Assert.Equal(["b=x", "b=y", "b=z", "a=2; b=x", "a=2; b=y", "a=2; b=z"],
            plan.Where(trial => trial.Repeat == 0).Select(trial => trial.ConfigKey));
        Assert.All(plan, trial => Assert.Equal("grid", trial.Role));
        Assert.All(plan.Chunk(2), repeats => Assert.Equal([0, 1], repeats.Select(trial => trial.Repeat)));
    }

    [Fact]
    public void Plan_RecordsOnlyTheValuesThatDifferFromTheBaseline()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.Grid,
            Parameters = [Values("lr", "1e-3", "0.01")],
        }, new Dictionary<string, string> { ["lr"] = "0.001" });

        var plan = SweepPlanner.InitialPlan(spec);

        Assert.Empty(plan[0].Changes);
        Assert.Equal([new ParameterChange("lr", "0.01", "0.001")], plan[1].Changes);
    }

    [Fact]
    public void Plan_OfAHugeGrid_StopsAtMaxTrials()
    {
        var parameters = Enumerable.Range(0, 12)
            .Select(i => (ParameterSpace)Values($"p{i}", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"))
            .ToList();
        var spec = Spec(new SearchSpec { Strategy = SearchStrategy.Grid, MaxTrials = 25, Parameters = parameters },
            parameters.ToDictionary(parameter => parameter.Path, _ => "0"));

        var plan = SweepPlanner.InitialPlan(spec);

        Assert.Equal(25, plan.Count);
        Assert.Equal("p11=9", plan[9].ConfigKey);
        Assert.Equal("p10=2; p11=4", plan[24].ConfigKey);
    }

    [Fact]
    public void Propose_AfterThePlan_AddsNothing_AndCompletesWhenAllFinish()
    {
        var spec = Spec(new SearchSpec { Strategy = SearchStrategy.Grid, Parameters = [Values("a", "1", "2")] },
            new Dictionary<string, string> { ["a"] = "0" });
        var strategy = new GridStrategy();
        var (history, batches) = RunToCompletion(strategy, spec, _ => 1);

        Assert.Equal([2], batches);
        Assert.True(strategy.IsComplete(spec, history));
    }
}
