using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;
using static Sweep.Orchestrator.Tests.Search.SearchTestKit;

namespace Sweep.Orchestrator.Tests.Search;

public class InteractionTests
{
    private static readonly Dictionary<string, string> BaselineValues = new()
    {
        ["a"] = "0", ["b"] = "0", ["c"] = "0",
    };

    private static SweepSpec InteractionSpec(int interactions, ObjectiveMode mode = ObjectiveMode.Max) => Spec(
        new SearchSpec
        {
            Strategy = SearchStrategy.Ofat,
            Repeats = 2,
            Interactions = interactions,
            Parameters = [Values("a", "1", "2"), Values("b", "1"), Values("c", "1")],
        }, BaselineValues, mode);

    /// <summary>Effects over a 0.80 baseline: a=1 +0.05, a=2 +0.02, b=1 +0.03, c=1 −0.01; pairs add up exactly.
    /// Repeats add ∓0.01, so every configuration's standard error is 0.01.</summary>
    private static double Additive(SweepSpec spec, PlannedTrial trial)
    {
        var a = Numeric(spec, trial, "a");
        var effect = (a == 1 ? 0.05 : a == 2 ? 0.02 : 0) + 0.03 * Numeric(spec, trial, "b")
            - 0.01 * Numeric(spec, trial, "c");
        return 0.80 + effect + (trial.Repeat == 0 ? -0.01 : 0.01);
    }

    [Fact]
    public void Interactions_AreProposedOnlyAfterEverySingleChangeHasFinished()
    {
        var spec = InteractionSpec(interactions: 2);
        var strategy = new OfatStrategy();
        var first = strategy.Propose(spec, []);
        var history = first.Select(trial => Finished(trial, Additive(spec, trial))).ToList();
        history[^1] = Running(first[^1]);

        Assert.Empty(strategy.Propose(spec, history));
    }

    [Fact]
    public void Interactions_PairTheBestImprovingChanges_OneValuePerParameter()
    {
        var spec = InteractionSpec(interactions: 3);
        var strategy = new OfatStrategy();
        var history = strategy.Propose(spec, []).Select(trial => Finished(trial, Additive(spec, trial))).ToList();

        var pairs = strategy.Propose(spec, history);

        // a=1 and b=1 improve; a=2 loses to a=1 on the same parameter and c=1 makes things worse.
        Assert.Equal(2, pairs.Count);
        Assert.All(pairs, trial =>
        {
            Assert.Equal("interaction", trial.Role);
            Assert.Equal("a=1; b=1", trial.ConfigKey);
            Assert.Equal(2, trial.Changes.Count);
        });
        Assert.Equal([history.Count, history.Count + 1], pairs.Select(trial => trial.Index));
    }

    [Fact]
    public void Interactions_WhenMinimizing_PairTheChangesThatLowerTheObjective()
    {
        var spec = InteractionSpec(interactions: 2, ObjectiveMode.Min);
        var strategy = new OfatStrategy();
        var history = strategy.Propose(spec, []).Select(trial => Finished(trial, Additive(spec, trial))).ToList();

        // Only c=1 lowers the objective: a single improving change makes no pair.
        Assert.Equal([new ParameterChange("c", "1", "0")], Interactions.SelectChanges(spec, history));
        Assert.Empty(strategy.Propose(spec, history));
        Assert.True(strategy.IsComplete(spec, history));
    }

    [Fact]
    public void Analyze_AdditiveEffects_AreReportedAsAdditive()
    {
        var spec = InteractionSpec(interactions: 2);
        var (history, batches) = RunToCompletion(new OfatStrategy(), spec, trial => Additive(spec, trial));

        var effect = Assert.Single(InteractionAnalysis.Analyze(spec, history));

        Assert.Equal([10, 2], batches);
        Assert.Equal(("a", "b"), (effect.First.Path, effect.Second.Path));
        Assert.Equal(0.05, effect.DeltaFirst, 12);
        Assert.Equal(0.03, effect.DeltaSecond, 12);
        Assert.Equal(0.08, effect.ExpectedAdditive, 12);
        Assert.Equal(0.08, effect.DeltaPair, 12);
        Assert.Equal(0.0, effect.Difference, 12);
        Assert.Equal(0.02, effect.StandardError, 12);
        Assert.Equal(InteractionKind.Additive, effect.Kind);
    }

    [Theory]
    [InlineData(0.96, ObjectiveMode.Max, InteractionKind.Synergy)]
    [InlineData(0.89, ObjectiveMode.Max, InteractionKind.Additive)]
    [InlineData(0.82, ObjectiveMode.Max, InteractionKind.Interference)]
    [InlineData(0.96, ObjectiveMode.Min, InteractionKind.Interference)]
    [InlineData(0.82, ObjectiveMode.Min, InteractionKind.Synergy)]
    public void Effect_ComparesThePairWithTheSumOfSingleEffects_WithinTheCombinedError(double pairMean,
        ObjectiveMode mode, InteractionKind expected)
    {
        var baseline = Summary(0.81);
        var first = Summary(0.86);
        var second = Summary(0.84);

        var effect = InteractionAnalysis.Effect(mode, new("a", "1", "0"), new("b", "1", "0"), baseline, first, second,
            Summary(pairMean));

        Assert.Equal(0.08, effect.ExpectedAdditive, 12);
        Assert.Equal(pairMean - 0.81 - 0.08, effect.Difference, 12);
        Assert.Equal(0.02, effect.StandardError, 12);
        Assert.Equal(expected, effect.Kind);
    }

    /// <summary>Two repeats at mean ∓ 0.01: standard error 0.01.</summary>
    private static ConfigurationSummary Summary(double mean) =>
        ConfigurationSummary.Summarize("k", [], [mean - 0.01, mean + 0.01]);
}
