using Sweep.Reports.Model;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Storage;
using Sweep.Reports.Analysis;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Storage;

/// <summary>The search strategy's decisions, as every store must keep them.</summary>
public abstract partial class SweepStoreContract
{
    private static SearchDecision Round(int round, string chosen, double degreesOfFreedom = 4) => new(
        $"round-{round}",
        DecisionKinds.AdaptiveRound,
        round,
        round == 0 ? [] : [new ParameterChange("lr", "0.1", "0.01")],
        new MeasuredConfiguration("baseline", [], 0.81, 0.004, 3),
        [
            new JudgedConfiguration(new MeasuredConfiguration(chosen, [new ParameterChange("dropout", "0.5", "0")], 0.84,
                0.005, 3), 0.03, new NoiseJudgement(EffectVerdict.Better, 0.0064, degreesOfFreedom, 0.0178)),
            new JudgedConfiguration(new MeasuredConfiguration("bn=true", [new ParameterChange("bn", "true", "false")],
                0.80, 0, 1), -0.01, new NoiseJudgement(EffectVerdict.NoiseUnknown, null, null, null)),
        ],
        [chosen],
        round == 1 ? AdaptiveStopReason.NoImprovement : null);

    private static string Json(IEnumerable<SearchDecision> decisions) => SweepJson.Serialize(decisions.ToList());

    [Fact]
    public async Task Decisions_RoundTripEveryField_InTheOrderFirstRecorded()
    {
        await Store.CreateSweepAsync(NewSweep());
        SearchDecision[] decisions = [Round(1, "b"), Round(0, "a", double.PositiveInfinity)];

        await Store.AddDecisionsAsync(SweepId, [decisions[0]]);
        await Store.AddDecisionsAsync(SweepId, [decisions[1]]);

        Assert.Equal(Json(decisions), Json(await Store.GetDecisionsAsync(SweepId)));
    }

    [Fact]
    public async Task Decisions_FirstRecordOfAKeyStands()
    {
        await Store.CreateSweepAsync(NewSweep());
        await Store.AddDecisionsAsync(SweepId, [Round(0, "a")]);

        await Store.AddDecisionsAsync(SweepId, [Round(0, "changed"), Round(1, "b")]);

        var stored = await Store.GetDecisionsAsync(SweepId);
        Assert.Equal(["round-0", "round-1"], stored.Select(d => d.Key));
        Assert.Equal(["a"], stored[0].Chosen);
    }

    [Fact]
    public async Task Decisions_OfTwoSweepsStayApart_AndAnUnrecordedSweepHasNone()
    {
        await Store.CreateSweepAsync(NewSweep());
        await Store.CreateSweepAsync(NewSweep("sweep-2"));
        await Store.AddDecisionsAsync(SweepId, [Round(0, "a")]);
        await Store.AddDecisionsAsync("sweep-2", []);

        Assert.Empty(await Store.GetDecisionsAsync("sweep-2"));
        Assert.Single(await Store.GetDecisionsAsync(SweepId));
    }
}
