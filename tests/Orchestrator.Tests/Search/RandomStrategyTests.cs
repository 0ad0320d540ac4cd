using System.Globalization;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;
using static Sweep.Orchestrator.Tests.Search.SearchTestKit;

namespace Sweep.Orchestrator.Tests.Search;

public class RandomStrategyTests
{
    private static readonly Dictionary<string, string> BaselineValues = new()
    {
        ["training.lr"] = "0.001", ["model.dropout"] = "0", ["model.conv_blocks"] = "2", ["training.optimizer"] = "adam",
    };

    private static SweepSpec RandomSpec(int trials, int seed = 7, int repeats = 1, int maxTrials = 1000) => Spec(
        new SearchSpec
        {
            Strategy = SearchStrategy.Random,
            Trials = trials,
            Repeats = repeats,
            MaxTrials = maxTrials,
            Parameters =
            [
                new LogUniformRange("training.lr", 3, 1e-4, 1e-1),
                new UniformRange("model.dropout", 4, 0.1, 0.5),
                new IntRange("model.conv_blocks", 5, 2, 5),
                new Choice("training.optimizer", 6, ["sgd", "adam", "rmsprop"]),
            ],
        }, BaselineValues, seed: seed);

    [Fact]
    public void Plan_IsTheSameForTheSameSpec_AndDiffersWithTheSeed()
    {
        var first = SweepPlanner.InitialPlan(RandomSpec(trials: 20)).Select(Describe).ToList();

        Assert.Equal(first, SweepPlanner.InitialPlan(RandomSpec(trials: 20)).Select(Describe));
        Assert.NotEqual(first.Select(KeyOf), SweepPlanner.InitialPlan(RandomSpec(trials: 20, seed: 8))
            .Select(Describe).Select(KeyOf));
    }

    [Fact]
    public void Plan_HasTrialsConfigurations_TimesRepeats_AllRandomRole()
    {
        var plan = SweepPlanner.InitialPlan(RandomSpec(trials: 10, repeats: 2));

        Assert.Equal(20, plan.Count);
        Assert.Equal(10, plan.Select(trial => trial.ConfigKey).Distinct().Count());
        Assert.All(plan, trial => Assert.Equal("random", trial.Role));
    }

    [Fact]
    public void Draws_StayWithinTheirBounds_AndReadBackExactly()
    {
        var spec = RandomSpec(trials: 300);
        var plan = SweepPlanner.InitialPlan(spec);

        var rates = plan.Select(trial => Numeric(spec, trial, "training.lr")).ToList();
        var dropouts = plan.Select(trial => Numeric(spec, trial, "model.dropout")).ToList();
        var blocks = plan.Select(trial => Numeric(spec, trial, "model.conv_blocks")).ToList();
        Assert.All(rates, rate => Assert.InRange(rate, 1e-4, 1e-1));
        Assert.All(dropouts, dropout => Assert.InRange(dropout, 0.1, 0.5));
        Assert.Equal([2.0, 3.0, 4.0, 5.0], blocks.Distinct().Order());
        Assert.All(plan.SelectMany(trial => trial.Changes).Where(change => change.Path != "training.optimizer"),
            change => Assert.Equal(change.Value,
                FlowValues.Format(double.Parse(change.Value, CultureInfo.InvariantCulture))));
        // Log-uniform: about half the draws lie below the geometric middle 10^-2.5, far more than uniform's 0.3%.
        Assert.InRange(rates.Count(rate => rate < Math.Pow(10, -2.5)), 100, 200);
    }

    [Fact]
    public void Plan_NeverRepeatsAConfiguration_EvenWhenItAsksForTheWholeSpace()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.Random,
            Trials = 12,
            Parameters = [new Choice("a", 1, ["x", "y", "z"]), new IntRange("b", 2, 1, 4)],
        }, new Dictionary<string, string> { ["a"] = "x", ["b"] = "1" });

        var plan = SweepPlanner.InitialPlan(spec);

        Assert.Equal(12, plan.Select(trial => trial.ConfigKey).Distinct().Count());
    }

    [Fact]
    public void Plan_OfASpaceSmallerThanAsked_IsRefusedSayingHowManyExist()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.Random,
            Trials = 13,
            Parameters = [new Choice("a", 1, ["x", "y", "z"]), new IntRange("b", 2, 1, 4)],
        }, new Dictionary<string, string> { ["a"] = "x", ["b"] = "1" });

        var error = Assert.Throws<SpecException>(() => SweepPlanner.InitialPlan(spec));

        Assert.Equal("sweep.yaml: search.trials: asks for 13 distinct configurations but the search space holds only 12;"
            + " lower it or widen the space", error.Message);
    }

    [Fact]
    public void Plan_OfADegenerateRealRange_CountsOneValue()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.Random,
            Trials = 2,
            Parameters = [new UniformRange("a", 1, 0.5, 0.5)],
        }, new Dictionary<string, string> { ["a"] = "0" });

        Assert.Contains("holds only 1;", Assert.Throws<SpecException>(() => SweepPlanner.InitialPlan(spec)).Message);
    }

    [Fact]
    public void Plan_LogUniformRangeReachingZero_IsRefusedNamingTheParameter()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.Random,
            Parameters = [new LogUniformRange("training.lr", 9, 0, 0.1)],
        }, BaselineValues);

        Assert.StartsWith("sweep.yaml:9: training.lr: expected finite bounds with 0 < low ≤ high",
            Assert.Throws<SpecException>(() => SweepPlanner.InitialPlan(spec)).Message);
    }

    [Fact]
    public void Propose_StopsAtMaxTrials_WithTheFirstDrawsOfTheFullPlan()
    {
        var spec = RandomSpec(trials: 10, repeats: 2, maxTrials: 7);
        var full = SweepPlanner.InitialPlan(RandomSpec(trials: 10, repeats: 2)).Select(Describe).ToList();

        var (history, batches) = RunToCompletion(new RandomStrategy(), spec, _ => 0);

        Assert.Equal([7], batches);
        Assert.Equal(full.Take(7), history.Select(observation => Describe(observation.Trial)));
    }

    [Fact]
    public void Propose_FromAStoredHistory_ContinuesWithTheSameDraws()
    {
        var spec = RandomSpec(trials: 10, repeats: 2);
        var full = SweepPlanner.InitialPlan(spec);
        var stored = full.Take(4).Select(trial => Finished(trial, 0)).ToList();

        var rest = new RandomStrategy().Propose(spec, stored);

        Assert.Equal(full.Skip(4).Select(Describe), rest.Select(Describe));
    }

    private static string KeyOf(string description) => description.Split('|')[5];
}
