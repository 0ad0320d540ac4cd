using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using static Sweep.Reports.Tests.Analysis.Trials;

namespace Sweep.Reports.Tests.Analysis;

public class EffectsTests
{
    private static readonly DiagnosisThresholds Thresholds = DiagnosisThresholds.Default;
    private static readonly ChangeInfo A = Change("model.dropout", "0.5");
    private static readonly ChangeInfo B = Change("training.weight_decay", "0.001");

    private int _nextIndex;

    private IEnumerable<TrialInfo> Repeated(string key, double[] objectives, string role, params ChangeInfo[] changes) =>
        objectives.Select((o, r) => Make(_nextIndex++, key, o, role, changes, repeat: r)).ToList();

    /// <summary>Two seeds a side: each se = 0.01, the difference's se = √2 × 0.01 on 2 degrees of freedom, so the
    /// 95 % half-width is t(0.975, 2) = 4.303 times it, 0.0609: a 0.06 gain, four standard errors, is still noise.</summary>
    [Fact]
    public void DeltaBeyondTwoStandardErrorsButInsideTheTInterval_IsWithinNoise()
    {
        var trials = Repeated("baseline", [0.80, 0.82], TrialRoles.Baseline)
            .Concat(Repeated("a", [0.86, 0.88], TrialRoles.SingleChange, A)).ToList();

        var effect = Assert.Single(ChangeEffects.Analyze(trials, true));

        Assert.Equal(0.06, effect.DeltaObjective, 10);
        Assert.Equal(Math.Sqrt(2) * 0.01, effect.Noise.StandardError!.Value, 6);
        Assert.Equal(2, effect.Noise.DegreesOfFreedom!.Value, 6);
        Assert.Equal(4.302653 * Math.Sqrt(2) * 0.01, effect.Noise.HalfWidth!.Value, 5);
        Assert.Equal(EffectVerdict.WithinNoise, effect.Verdict);
        Assert.Equal(A, Assert.Single(effect.Changes));
    }

    [Fact]
    public void DeltaBeyondTheTInterval_IsBetter()
    {
        var trials = Repeated("baseline", [0.80, 0.81, 0.82], TrialRoles.Baseline)
            .Concat(Repeated("a", [0.86, 0.87, 0.88], TrialRoles.SingleChange, A)).ToList();

        var effect = Assert.Single(ChangeEffects.Analyze(trials, true));

        // se per side 0.01/√3; 4 degrees of freedom; t = 2.776; half-width 0.0227 < 0.06.
        Assert.Equal(4, effect.Noise.DegreesOfFreedom!.Value, 6);
        Assert.Equal(EffectVerdict.Better, effect.Verdict);
    }

    [Fact]
    public void DeltaInsideTwoStandardErrors_IsWithinNoise()
    {
        var trials = Repeated("baseline", [0.80, 0.84], TrialRoles.Baseline)
            .Concat(Repeated("a", [0.81, 0.85], TrialRoles.SingleChange, A)).ToList();

        Assert.Equal(EffectVerdict.WithinNoise, ChangeEffects.Analyze(trials, true)[0].Verdict);
    }

    [Fact]
    public void OneRepeat_HasUnknownNoise()
    {
        var trials = new[] { Baseline(0, 0.8), Make(1, "a", 0.9, changes: [A]) };

        var effect = ChangeEffects.Analyze(trials, true)[0];

        Assert.Null(effect.Noise.HalfWidth);
        Assert.Equal(EffectVerdict.NoiseUnknown, effect.Verdict);
    }

    [Fact]
    public void Effects_AreSortedBestFirstForTheObjectiveDirection()
    {
        var trials = new[] { Baseline(0, 0.5), Make(1, "a", 0.4, changes: [A]), Make(2, "b", 0.7, changes: [B]) };

        Assert.Equal(["b", "a"], ChangeEffects.Analyze(trials, true).Select(e => e.Config.ConfigKey));
        Assert.Equal(["a", "b"], ChangeEffects.Analyze(trials, false).Select(e => e.Config.ConfigKey));
    }

    [Fact]
    public void Gap_IsComparedWithTheBaselines()
    {
        var trials = new[]
        {
            Baseline(0, 0.8, epochs: Flat(5, 0.95, 0.85)),
            Make(1, "a", 0.85, changes: [A], epochs: Flat(5, 0.90, 0.87)),
        };

        var effect = ChangeEffects.Analyze(trials, true)[0];

        Assert.Equal(0.10, effect.ReferenceGap!.Mean, 10);
        Assert.Equal(-0.07, effect.DeltaGap!.Value, 10);
    }

    [Fact]
    public void AdditivePair_IsAdditive()
    {
        var trials = Repeated("baseline", [0.80, 0.82], TrialRoles.Baseline)
            .Concat(Repeated("a", [0.83, 0.85], TrialRoles.SingleChange, A))
            .Concat(Repeated("b", [0.82, 0.84], TrialRoles.SingleChange, B))
            .Concat(Repeated("ab", [0.85, 0.87], TrialRoles.Interaction, A, B)).ToList();

        var check = Assert.Single(Interactions.Analyze(trials, true));

        Assert.Equal(0.05, check.DeltaPair, 10);
        Assert.Equal(0.05, check.Expected, 10);
        Assert.Equal(0, check.Residual, 10);
        Assert.Equal(InteractionVerdict.Additive, check.Verdict);
    }

    [Fact]
    public void PairFarWorseThanTheSum_IsInterference()
    {
        var trials = Repeated("baseline", [0.80, 0.81], TrialRoles.Baseline)
            .Concat(Repeated("a", [0.85, 0.86], TrialRoles.SingleChange, A))
            .Concat(Repeated("b", [0.85, 0.86], TrialRoles.SingleChange, B))
            .Concat(Repeated("ab", [0.80, 0.81], TrialRoles.Interaction, A, B)).ToList();

        Assert.Equal(InteractionVerdict.Interference, Interactions.Analyze(trials, true)[0].Verdict);
    }

    private static DecisionMean Mean(string key, double mean, double standardError, int count, params ChangeInfo[] changes) =>
        new(key, changes, mean, standardError, count);

    private static ReportInput Input(IReadOnlyList<TrialInfo> trials, params DecisionInfo[] decisions) =>
        new(Trials.Sweep(), trials) { SearchDecisions = decisions };

    /// <summary>The path is what the strategy recorded: a round whose best change the report would call noise is
    /// still shown as adopted when the strategy adopted it, with the strategy's own evidence.</summary>
    [Fact]
    public void AdaptivePath_ShowsTheRecordedDecisions()
    {
        var trials = new[]
        {
            Baseline(0, 0.80), Make(1, "a", 0.85, changes: [A]), Make(2, "b", 0.82, changes: [B]),
            Make(3, "a+b", 0.86, changes: [A, B], round: 1),
        };
        var better = new NoiseJudgement(EffectVerdict.Better, 0.01, 4, 0.03);
        var noise = new NoiseJudgement(EffectVerdict.WithinNoise, 0.01, 4, 0.03);
        var round0 = new DecisionInfo(DecisionKinds.AdaptiveRound, 0, [], Mean("baseline", 0.80, 0.005, 3),
            [new(Mean("a", 0.85, 0.005, 3, A), 0.05, better), new(Mean("b", 0.82, 0.005, 3, B), 0.02, noise)],
            ["a"], null);
        var round1 = new DecisionInfo(DecisionKinds.AdaptiveRound, 1, [A], Mean("a", 0.85, 0.005, 3, A),
            [new(Mean("a+b", 0.86, 0.005, 3, A, B), 0.01, noise)], [], "NoImprovement");

        var path = AdaptivePath.Analyze(Input(trials, round0, round1));

        Assert.False(path.Unrecorded);
        Assert.Equal([0, 1], path.Rounds.Select(r => r.Round));
        Assert.True(path.Rounds[0].Adopted);
        Assert.Equal("a", path.Rounds[0].Best!.Measured.ConfigKey);
        Assert.Equal("adopted: better beyond seed noise", path.Rounds[0].Outcome);
        Assert.False(path.Rounds[1].Adopted);
        Assert.Equal("stopped: no change beat the round's baseline beyond seed noise", path.Rounds[1].Outcome);
    }

    [Fact]
    public void AdaptiveChoiceWithOneSeed_SaysTheNoiseIsUnknown()
    {
        var unknown = new NoiseJudgement(EffectVerdict.NoiseUnknown, null, null, null);
        var round0 = new DecisionInfo(DecisionKinds.AdaptiveRound, 0, [], Mean("baseline", 0.80, 0, 1),
            [new(Mean("a", 0.85, 0, 1, A), 0.05, unknown)], ["a"], null);

        var round = Assert.Single(AdaptivePath.Analyze(Input([Baseline(0, 0.8)], round0)).Rounds);

        Assert.Equal("adopted by its mean: with one seed the noise is unknown", round.Outcome);
    }

    /// <summary>The effects table shows the strategy's judgement where one was recorded, so the two cannot disagree
    /// even when the report's own grouping of trials would judge differently.</summary>
    [Fact]
    public void Effects_TakeTheRecordedJudgement()
    {
        var trials = Repeated("baseline", [0.80, 0.82], TrialRoles.Baseline)
            .Concat(Repeated("a", [0.86, 0.88], TrialRoles.SingleChange, A)).ToList();
        var recorded = new NoiseJudgement(EffectVerdict.Better, 0.01, 9, 0.02);
        var decision = new DecisionInfo(DecisionKinds.InteractionPairs, 0, [], Mean("baseline", 0.81, 0.01, 2),
            [new(Mean("a", 0.87, 0.01, 2, A), 0.06, recorded)], ["a"], null);

        var effect = Assert.Single(ChangeEffects.Analyze(trials, true, [decision]));

        Assert.Same(recorded, effect.Noise);
    }

    [Fact]
    public void AdaptiveTrialsWithoutRecordedDecisions_AreSaidToBeUnrecorded()
    {
        var path = AdaptivePath.Analyze(Input([Baseline(0, 0.8), Make(1, "a+b", 0.9, changes: [A, B], round: 1)]));

        Assert.True(path.Unrecorded);
        Assert.Empty(path.Rounds);
    }

    [Fact]
    public void NonAdaptiveSweep_HasNoPath()
    {
        var path = AdaptivePath.Analyze(Input([Baseline(0, 0.8), Make(1, "a", 0.9, changes: [A])]));

        Assert.Empty(path.Rounds);
        Assert.False(path.Unrecorded);
    }
}
