using Sweep.Reports.Model;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;
using static Sweep.Orchestrator.Tests.Search.SearchTestKit;

namespace Sweep.Orchestrator.Tests.Search;

public class AdaptiveOfatTests
{
    private static readonly string[] Grid = ["0", "1", "2", "3", "4"];

    private static SweepSpec QuadraticSpec(int repeats = 1, int maxTrials = 1000, int interactions = 0,
        ObjectiveMode mode = ObjectiveMode.Max) => Spec(new SearchSpec
        {
            Strategy = SearchStrategy.OfatAdaptive,
            Repeats = repeats,
            MaxTrials = maxTrials,
            Interactions = interactions,
            Parameters = [Values("x", Grid), Values("y", Grid), Values("z", Grid)],
        }, new Dictionary<string, string> { ["x"] = "0", ["y"] = "0", ["z"] = "2" }, mode);

    /// <summary>Separable, optimum at x=3, y=1, z=2 (z's baseline): −(x−3)² − (y−1)² − (z−2)².</summary>
    private static double Quadratic(SweepSpec spec, PlannedTrial trial) =>
        -Math.Pow(Numeric(spec, trial, "x") - 3, 2) - Math.Pow(Numeric(spec, trial, "y") - 1, 2)
        - Math.Pow(Numeric(spec, trial, "z") - 2, 2);

    [Fact]
    public void Path_ClimbsASeparableQuadraticToItsOptimum_ThenStops()
    {
        var spec = QuadraticSpec();
        var (history, batches) = RunToCompletion(new AdaptiveOfatStrategy(), spec, trial => Quadratic(spec, trial));

        var path = AdaptivePath.Trace(spec, history);

        Assert.Equal(AdaptiveStopReason.NoImprovement, path.StopReason);
        Assert.Equal(["x=3", "y=1"], path.Best.Select(change => $"{change.Path}={change.Value}"));
        Assert.Equal([new ParameterChange("x", "3", "0"), new ParameterChange("y", "1", "0")],
            path.Rounds.Select(round => round.Chosen).OfType<AdaptiveCandidate>().Select(chosen => chosen.Change));
        Assert.Equal([-10.0, -1.0, 0.0], path.Rounds.Select(round => round.BaselineSummary!.Mean));
        // Round 0: baseline + 4 x + 4 y + 4 z; round 1: y and z on top of x=3; round 2: z on top of both.
        Assert.Equal([13, 8, 4], batches);
    }

    [Fact]
    public void LaterRounds_CarryEveryAcceptedChange_AndDoNotRerunTheirBaseline()
    {
        var spec = QuadraticSpec();
        var (history, _) = RunToCompletion(new AdaptiveOfatStrategy(), spec, trial => Quadratic(spec, trial));

        var roundOne = history.Select(observation => observation.Trial).Where(trial => trial.Round == 1).ToList();
        Assert.All(roundOne, trial =>
        {
            Assert.Equal("single-change", trial.Role);
            Assert.Equal(2, trial.Changes.Count);
            Assert.Equal(new ParameterChange("x", "3", "0"), trial.Changes[0]);
            Assert.NotEqual("x", trial.Changes[1].Path);
        });
        Assert.Equal(history.Count, history.Select(observation => observation.Trial.ConfigKey).Distinct().Count());
    }

    [Fact]
    public void Path_WhenMinimizing_ClimbsDownTheSameBowl()
    {
        var spec = QuadraticSpec(mode: ObjectiveMode.Min);
        var (history, _) = RunToCompletion(new AdaptiveOfatStrategy(), spec, trial => -Quadratic(spec, trial));

        Assert.Equal(["x=3", "y=1"], AdaptivePath.Trace(spec, history).Best.Select(change => $"{change.Path}={change.Value}"));
    }

    [Fact]
    public void Path_AcceptsOnlyChangesLargerThanSeedNoise()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.OfatAdaptive,
            Repeats = 3,
            Parameters = [Values("small", "1"), Values("large", "1")],
        }, new Dictionary<string, string> { ["small"] = "0", ["large"] = "0" });
        // Seed noise −0.1, 0, +0.1: each mean has standard error 0.0577, a difference 0.0816 on 4 degrees of
        // freedom, so the 95 % half-width is 2.776 × 0.0816 = 0.227: 0.3 is beyond it, 0.05 and even 0.2 are not.
        double Objective(PlannedTrial trial) => 0.05 * Numeric(spec, trial, "small")
            + 0.3 * Numeric(spec, trial, "large") + (trial.Repeat - 1) * 0.1;

        var (history, _) = RunToCompletion(new AdaptiveOfatStrategy(), spec, Objective);
        var path = AdaptivePath.Trace(spec, history);

        Assert.Equal(["large"], path.Best.Select(change => change.Path));
        Assert.Equal(AdaptiveStopReason.NoImprovement, path.StopReason);
        var last = path.Rounds[^1].Candidates.Single();
        Assert.Equal("small", last.Change.Path);
        Assert.True(last.Gain > 0 && !last.Judged.Supported);
        Assert.Equal(Sweep.Reports.Analysis.EffectVerdict.WithinNoise, last.Judged.Noise.Verdict);
    }

    [Fact]
    public void Path_StopsWhenEveryParameterHasBeenChanged()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.OfatAdaptive,
            Parameters = [Values("p", "1"), Values("q", "1")],
        }, new Dictionary<string, string> { ["p"] = "0", ["q"] = "0" });

        var (history, _) = RunToCompletion(new AdaptiveOfatStrategy(), spec,
            trial => Numeric(spec, trial, "p") + 2 * Numeric(spec, trial, "q"));
        var path = AdaptivePath.Trace(spec, history);

        Assert.Equal(AdaptiveStopReason.ParametersExhausted, path.StopReason);
        Assert.Equal(["q", "p"], path.Best.Select(change => change.Path));
        Assert.Equal(3.0, path.Rounds[^1].BaselineSummary!.Mean);
    }

    [Fact]
    public void Propose_WaitsWhileARoundRuns()
    {
        var spec = QuadraticSpec();
        var strategy = new AdaptiveOfatStrategy();
        var roundZero = strategy.Propose(spec, []);
        var history = roundZero.Select(trial => Finished(trial, Quadratic(spec, trial))).ToList();
        history[3] = Running(roundZero[3]);

        Assert.Empty(strategy.Propose(spec, history));
        Assert.False(strategy.IsComplete(spec, history));
        Assert.Null(AdaptivePath.Trace(spec, history).StopReason);
    }

    [Fact]
    public void Path_WhoseBaselineFailed_StopsAfterRoundZero()
    {
        var spec = QuadraticSpec();
        var strategy = new AdaptiveOfatStrategy();
        var roundZero = strategy.Propose(spec, []);
        var history = roundZero.Select(trial => trial.Role == "baseline"
            ? new TrialObservation(trial, TrialState.Failed, null)
            : Finished(trial, Quadratic(spec, trial))).ToList();

        Assert.Equal(AdaptiveStopReason.BaselineNotMeasured, AdaptivePath.Trace(spec, history).StopReason);
        Assert.True(strategy.IsComplete(spec, history));
    }

    [Fact]
    public void Path_StopsAtMaxTrials()
    {
        var spec = QuadraticSpec(maxTrials: 15);
        var (history, batches) = RunToCompletion(new AdaptiveOfatStrategy(), spec, trial => Quadratic(spec, trial));

        Assert.Equal([13, 2], batches);
        var path = AdaptivePath.Trace(spec, history);
        Assert.Equal(AdaptiveStopReason.MaxTrials, path.StopReason);
        Assert.Equal(["x=3", "y=1"], path.Best.Select(change => $"{change.Path}={change.Value}"));
    }

    [Fact]
    public void Interactions_FollowThePath_WithoutRerunningPairsItMeasured()
    {
        var spec = QuadraticSpec(interactions: 3);
        var (history, batches) = RunToCompletion(new AdaptiveOfatStrategy(), spec, trial => Quadratic(spec, trial));

        // Round 0's best changes, one per parameter: x=3 (+9), y=1 (+1); z's all lose. The pair x=3 + y=1 is
        // round 1's winner, already measured, so nothing is added after the path.
        Assert.Equal([13, 8, 4], batches);
        Assert.DoesNotContain(history, observation => observation.Trial.Role == "interaction");
        Assert.Equal([("x", "y")], Interactions.SelectPairs(spec, history).Select(pair => (pair.First.Path, pair.Second.Path)));
    }

    [Fact]
    public void Interactions_AreRunAfterThePath_ForPairsItDidNotMeasure()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.OfatAdaptive,
            Interactions = 3,
            Parameters = [Values("p", "1"), Values("q", "1"), Values("r", "1")],
        }, new Dictionary<string, string> { ["p"] = "0", ["q"] = "0", ["r"] = "0" });
        double Objective(PlannedTrial trial) =>
            3 * Numeric(spec, trial, "p") + 2 * Numeric(spec, trial, "q") + Numeric(spec, trial, "r");

        var (history, batches) = RunToCompletion(new AdaptiveOfatStrategy(), spec, Objective);

        // Rounds: 4 (baseline, p, q, r), 2 (p+q, p+r), 1 (p+q+r), then the one pair the path never ran: q+r.
        Assert.Equal([4, 2, 1, 1], batches);
        var interaction = Assert.Single(history, observation => observation.Trial.Role == "interaction").Trial;
        Assert.Equal("q=1; r=1", interaction.ConfigKey);
        Assert.Equal(["p+q", "p+r", "q+r"],
            Interactions.SelectPairs(spec, history).Select(pair => $"{pair.First.Path}+{pair.Second.Path}"));
    }

    [Fact]
    public void APairMeasuredByThePath_IsNotRunAgain()
    {
        var spec = Spec(new SearchSpec
        {
            Strategy = SearchStrategy.OfatAdaptive,
            Interactions = 2,
            Parameters = [Values("p", "1"), Values("q", "1")],
        }, new Dictionary<string, string> { ["p"] = "0", ["q"] = "0" });
        // Each helps alone; together they hurt, so round 1 (p+q) fails and the path stops at p alone.
        double Objective(PlannedTrial trial) => trial.Changes.Count switch { 0 => 0, 1 => 1, _ => -1 };

        var (history, batches) = RunToCompletion(new AdaptiveOfatStrategy(), spec, Objective);

        Assert.Equal([3, 1], batches);
        Assert.Equal([("p", "q")], Interactions.SelectPairs(spec, history).Select(pair => (pair.First.Path, pair.Second.Path)));
        Assert.DoesNotContain(history, observation => observation.Trial.Role == "interaction");
    }

    [Fact]
    public void Decisions_RecordEachRoundWithTheEvidenceItWasDecidedOn()
    {
        var spec = QuadraticSpec(interactions: 3);
        var strategy = new AdaptiveOfatStrategy();
        var (history, _) = RunToCompletion(strategy, spec, trial => Quadratic(spec, trial));
        var path = AdaptivePath.Trace(spec, history);

        var decisions = strategy.Decisions(spec, history);

        var rounds = decisions.Where(d => d.Kind == DecisionKinds.AdaptiveRound).ToList();
        Assert.Equal(path.Rounds.Select(r => $"round-{r.Round}"), rounds.Select(d => d.Key));
        Assert.Equal(path.Rounds.Select(r => r.Chosen?.Judged.Measured.ConfigKey),
            rounds.Select(d => d.Chosen.SingleOrDefault()));
        Assert.All(rounds.SkipLast(1), d => Assert.Null(d.StopReason));
        Assert.Equal(path.StopReason, rounds[^1].StopReason);
        Assert.Equal(ConfigKeys.Baseline, rounds[0].Reference!.ConfigKey);
        // One seed per configuration: the path climbs by the mean and the record says the noise is unknown.
        Assert.All(rounds.SelectMany(d => d.Candidates),
            c => Assert.Equal(Sweep.Reports.Analysis.EffectVerdict.NoiseUnknown, c.Noise.Verdict));
        Assert.Equal(Interactions.DecisionKey, decisions[^1].Key);
        Assert.Equal(decisions.Count, decisions.Select(d => d.Key).Distinct().Count());
    }

    [Fact]
    public void Decisions_AreNoneUntilTheFirstRoundHasFinished()
    {
        var spec = QuadraticSpec();
        var strategy = new AdaptiveOfatStrategy();
        var planned = strategy.Propose(spec, []);
        var running = planned.Select(trial => new TrialObservation(trial, TrialState.Running, null)).ToList();

        Assert.Empty(strategy.Decisions(spec, running));
    }
}
