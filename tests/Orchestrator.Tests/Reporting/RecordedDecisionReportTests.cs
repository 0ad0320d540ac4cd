using Sweep.Orchestrator.Reporting;
using Sweep.Orchestrator.Tests.TestKit;
using Sweep.Reports.Analysis;
using Sweep.Reports.Html;
using static Sweep.Orchestrator.Tests.TestKit.Outcomes;

namespace Sweep.Orchestrator.Tests.Reporting;

/// <summary>An adaptive sweep run through the grain: the report's adaptive path is the decisions the store holds,
/// and its effects table judges each change as the strategy did.</summary>
public class RecordedDecisionReportTests(SweepClusterFixture fixture) : IClassFixture<SweepClusterFixture>
{
    [Fact]
    public async Task Report_ShowsTheStrategysDecisions_AndAgreesWithThemInTheEffectsTable()
    {
        var sweep = await fixture.CreateSweepAsync(SyntheticSpecs.Adaptive);
        await sweep.StartAdaptiveRoundZeroAsync(finish: [0, 1, 2, 3]);
        var next = (await sweep.Grain.LeaseAsync("next")).Assignment!;
        await sweep.Grain.FinishAsync(next.Plan.Index, "next", Completed(0.84));

        var record = (await sweep.Store.GetSweepAsync(sweep.Id))!;
        var input = await ReportInputBuilder.ReadAsync(record, sweep.Store, "/runs/x", DateTimeOffset.UtcNow, CancellationToken.None);
        var analysis = ReportAnalysis.Of(input, DiagnosisThresholds.Default);
        var html = ReportPage.Render(analysis, ReportLimits.Default);

        Assert.Equal([0, 1], analysis.AdaptivePath.Rounds.Select(r => r.Round));
        Assert.True(analysis.AdaptivePath.Rounds[0].Adopted);
        Assert.False(analysis.AdaptivePath.Rounds[1].Adopted);
        Assert.Contains("adopted by its mean: with one seed the noise is unknown", html);
        Assert.Contains("stopped: no change beat the round&#39;s baseline beyond seed noise", html);
        Assert.All(analysis.Effects, effect => Assert.Equal(EffectVerdict.NoiseUnknown, effect.Verdict));
        Assert.Contains(SeedNoise.Statement[..40], html);
    }
}
