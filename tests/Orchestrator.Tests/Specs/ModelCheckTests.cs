using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Tests.Specs;

public class ModelCheckTests
{
    private const string File = "/specs/blocks.yaml";

    private static SweepSpec Read(string blocks) => new SpecLoader().Read($$"""
        name: blocks
        dataset: { name: fashion-mnist }
        model: { preset: two-conv, conv_blocks: 2 }
        search:
          strategy: ofat
          parameters:
            training.lr: [0.01]
            model.conv_blocks: {{blocks}}
        """, File);

    [Fact]
    public void ValidatePlan_ASearchValueThatCollapsesTheFeatureMap_IsReportedAtItsLine_NamingTheTrial()
    {
        var spec = Read("[3, 6]");

        var error = Assert.Throws<SpecException>(() =>
            ModelCheck.ValidatePlan(new SpecLoader(), spec, SweepPlanner.InitialPlan(spec)));

        Assert.StartsWith($"{File}:8: search.parameters.model.conv_blocks: trial 3 (model.conv_blocks: 2 → 6) cannot be built: ",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ValidatePlan_EveryTrialBuildable_Passes()
    {
        var spec = Read("[1, 3]");

        ModelCheck.ValidatePlan(new SpecLoader(), spec, SweepPlanner.InitialPlan(spec));
    }
}
