using Sweep.Reports.Model;
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
    /// Repeats add ∓0.001, so every configuration's standard error is 0.001 and each effect is well beyond the 95 %
    /// interval of seed noise (±0.006 with two seeds a side).</summary>
    private static double Additive(SweepSpec spec, PlannedTrial trial)
    {
        var a = Numeric(spec, trial, "a");
        var effect = (a == 1 ? 0.05 : a == 2 ? 0.02 : 0) + 0.03 * Numeric(spec, trial, "b")
            - 0.01 * Numeric(spec, trial, "c");
        return 0.80 + effect + (trial.Repeat == 0 ? -0.001 : 0.001);
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
    public void Decision_JudgesEveryRoundZeroChange_AndNamesThePairedOnes()
    {
        var spec = InteractionSpec(interactions: 2);
        var (history, batches) = RunToCompletion(new OfatStrategy(), spec, trial => Additive(spec, trial));

        var decision = Interactions.Decide(spec, history)!;

        Assert.Equal([10, 2], batches);
        Assert.Equal(DecisionKinds.InteractionPairs, decision.Kind);
        Assert.Equal(ConfigKeys.Baseline, decision.Reference!.ConfigKey);
        Assert.Equal(4, decision.Candidates.Count);
        Assert.Equal([ConfigKeys.Of([new("a", "1", "0")]), ConfigKeys.Of([new("b", "1", "0")])], decision.Chosen);
        var c = decision.Candidates.Single(candidate => candidate.Measured.Changes[0].Path == "c");
        Assert.Equal(-0.01, c.Gain, 12);
        Assert.Equal(Sweep.Reports.Analysis.EffectVerdict.Worse, c.Noise.Verdict);
    }

    /// <summary>With two seeds a gain of 0.05 over seed noise of ±0.01 per configuration is within the 95 %
    /// interval (±0.061), so the strategy pairs nothing: the rule the report states is the rule it acts on.</summary>
    [Fact]
    public void ChangesWithinSeedNoise_AreNotPaired()
    {
        var spec = InteractionSpec(interactions: 2);
        var (history, batches) = RunToCompletion(new OfatStrategy(), spec,
            trial => Additive(spec, trial) + (trial.Repeat == 0 ? -0.009 : 0.009));

        Assert.Equal([10], batches);
        Assert.Empty(Interactions.Decide(spec, history)!.Chosen);
    }

    [Fact]
    public void WithOneSeed_ChangesArePairedByTheirMean_AndTheNoiseIsUnknown()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.Ofat,
            Interactions = 2,
            Parameters = [Values("a", "1", "2"), Values("b", "1"), Values("c", "1")],
        }, BaselineValues);
        var (history, batches) = RunToCompletion(new OfatStrategy(), spec, trial => Additive(spec, trial));

        var decision = Interactions.Decide(spec, history)!;

        Assert.Equal([5, 1], batches);
        Assert.All(decision.Candidates, candidate =>
            Assert.Equal(Sweep.Reports.Analysis.EffectVerdict.NoiseUnknown, candidate.Noise.Verdict));
        Assert.Equal(2, decision.Chosen.Count);
    }
}
