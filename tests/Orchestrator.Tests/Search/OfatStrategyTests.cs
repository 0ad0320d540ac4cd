using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Seeding;
using Sweep.Trials.Specs;
using static Sweep.Orchestrator.Tests.Search.SearchTestKit;

namespace Sweep.Orchestrator.Tests.Search;

public class OfatStrategyTests
{
    private static readonly Dictionary<string, string> BaselineValues = new()
    {
        ["training.lr"] = "0.001",
        ["model.dropout"] = "0.0",
        ["training.optimizer"] = "adam",
    };

    private static SweepSpec OfatSpec(int repeats = 3, int maxTrials = 1000) => Spec(new SearchSpec
    {
        Strategy = SearchStrategy.Ofat,
        Repeats = repeats,
        MaxTrials = maxTrials,
        Parameters =
        [
            Values("training.lr", "0.01", "1e-3", "0.1"),
            Values("model.dropout", "0", "0.5"),
            Values("training.optimizer", "sgd", "adam", "rmsprop"),
        ],
    }, BaselineValues);

    [Fact]
    public void InitialPlan_HasOneConfigurationPerDifferingValuePlusBaseline_TimesRepeats()
    {
        var plan = SweepPlanner.InitialPlan(OfatSpec(repeats: 3));

        // Differing values: lr 0.01 and 0.1, dropout 0.5, optimizer sgd and rmsprop.
        Assert.Equal((1 + 5) * 3, plan.Count);
        Assert.Equal(Enumerable.Range(0, plan.Count), plan.Select(trial => trial.Index));
    }

    [Fact]
    public void InitialPlan_BaselineFirst_ThenExactlyOneChangePerTrial_InFileOrder()
    {
        var plan = SweepPlanner.InitialPlan(OfatSpec(repeats: 1));

        Assert.Equal("baseline", plan[0].Role);
        Assert.Empty(plan[0].Changes);
        Assert.Equal("baseline", plan[0].ConfigKey);
        Assert.All(plan.Skip(1), trial =>
        {
            Assert.Equal("single-change", trial.Role);
            Assert.Single(trial.Changes);
            Assert.Equal(BaselineValues[trial.Changes[0].Path], trial.Changes[0].BaselineValue);
        });
        Assert.Equal(["training.lr=0.01", "training.lr=0.1", "model.dropout=0.5", "training.optimizer=sgd",
            "training.optimizer=rmsprop"], plan.Skip(1).Select(trial => trial.ConfigKey));
    }

    [Fact]
    public void InitialPlan_SkipsValuesEqualToTheBaselineInAnotherSpelling()
    {
        var plan = SweepPlanner.InitialPlan(OfatSpec(repeats: 1));

        Assert.DoesNotContain(plan, trial => trial.Changes.Any(change => change.Value is "1e-3" or "0" or "adam"));
    }

    [Fact]
    public void InitialPlan_RepeatsAreConsecutive_ShareAKey_AndGetTheRepeatSeeds()
    {
        var spec = OfatSpec(repeats: 3);
        var plan = SweepPlanner.InitialPlan(spec);

        foreach (var configuration in plan.Chunk(3))
        {
            Assert.Single(configuration.Select(trial => trial.ConfigKey).Distinct());
            Assert.Equal([0, 1, 2], configuration.Select(trial => trial.Repeat));
            Assert.Equal([Seeds.Derive(7, "repeat", 0), Seeds.Derive(7, "repeat", 1), Seeds.Derive(7, "repeat", 2)],
                configuration.Select(trial => trial.Seed));
        }
        Assert.Equal(3, plan.Select(trial => trial.Seed).Distinct().Count());
    }

    [Fact]
    public void InitialPlan_IsTheSameOnEveryRun()
    {
        Assert.Equal(SweepPlanner.InitialPlan(OfatSpec()).Select(Describe),
            SweepPlanner.InitialPlan(OfatSpec()).Select(Describe));
    }

    [Fact]
    public void Propose_WhilePlannedTrialsRun_AddsNothing_AndIsNotComplete()
    {
        var spec = OfatSpec();
        var strategy = new OfatStrategy();
        var history = strategy.Propose(spec, []).Select(Running).ToList();

        Assert.Empty(strategy.Propose(spec, history));
        Assert.False(strategy.IsComplete(spec, history));
    }

    [Fact]
    public void Propose_StopsAtMaxTrials_AndTheSweepThenCompletes()
    {
        var spec = OfatSpec(repeats: 3, maxTrials: 5);
        var strategy = new OfatStrategy();

        var (history, _) = RunToCompletion(strategy, spec, _ => 0.5);

        Assert.Equal(5, history.Count);
        Assert.Equal([0, 1, 2, 0, 1], history.Select(observation => observation.Trial.Repeat));
    }

    [Fact]
    public void InitialPlan_ContinuousRange_IsRefusedNamingTheParameter()
    {
        var spec = Spec(new SearchSpec { Parameters = [new UniformRange("training.lr", 12, 0.001, 0.1)] },
            BaselineValues);

        var error = Assert.Throws<SpecException>(() => SweepPlanner.InitialPlan(spec));
        Assert.StartsWith("sweep.yaml:12: training.lr:", error.Message);
    }

    [Fact]
    public void InitialPlan_IntegerRange_IsEnumerated()
    {
        var spec = Spec(new SearchSpec { Parameters = [new IntRange("model.conv_blocks", 3, 1, 4)] },
            new Dictionary<string, string> { ["model.conv_blocks"] = "2" });

        Assert.Equal(["baseline", "model.conv_blocks=1", "model.conv_blocks=3", "model.conv_blocks=4"],
            SweepPlanner.InitialPlan(spec).Select(trial => trial.ConfigKey));
    }
}
