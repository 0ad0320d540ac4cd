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

    [Fact]
    public void DeltaAndNoise_UseStandardErrorOfTheDifference()
    {
        var trials = Repeated("baseline", [0.80, 0.82], TrialRoles.Baseline)
            .Concat(Repeated("a", [0.86, 0.88], TrialRoles.SingleChange, A)).ToList();

        var effect = Assert.Single(ChangeEffects.Analyze(trials, true, Thresholds));

        Assert.Equal(0.06, effect.DeltaObjective, 10);
        // each side: sd = 0.01414, se = 0.01; difference se = sqrt(2) × 0.01
        Assert.Equal(Math.Sqrt(2) * 0.01, effect.ObjectiveNoise!.Value, 6);
        Assert.Equal(EffectVerdict.Better, effect.Verdict);
        Assert.Equal(A, Assert.Single(effect.Changes));
    }

    [Fact]
    public void DeltaInsideTwoStandardErrors_IsWithinNoise()
    {
        var trials = Repeated("baseline", [0.80, 0.84], TrialRoles.Baseline)
            .Concat(Repeated("a", [0.81, 0.85], TrialRoles.SingleChange, A)).ToList();

        Assert.Equal(EffectVerdict.WithinNoise, ChangeEffects.Analyze(trials, true, Thresholds)[0].Verdict);
    }

    [Fact]
    public void OneRepeat_HasUnknownNoise()
    {
        var trials = new[] { Baseline(0, 0.8), Make(1, "a", 0.9, changes: [A]) };

        var effect = ChangeEffects.Analyze(trials, true, Thresholds)[0];

        Assert.Null(effect.ObjectiveNoise);
        Assert.Equal(EffectVerdict.NoiseUnknown, effect.Verdict);
    }

    [Fact]
    public void Effects_AreSortedBestFirstForTheObjectiveDirection()
    {
        var trials = new[] { Baseline(0, 0.5), Make(1, "a", 0.4, changes: [A]), Make(2, "b", 0.7, changes: [B]) };

        Assert.Equal(["b", "a"], ChangeEffects.Analyze(trials, true, Thresholds).Select(e => e.Config.ConfigKey));
        Assert.Equal(["a", "b"], ChangeEffects.Analyze(trials, false, Thresholds).Select(e => e.Config.ConfigKey));
    }

    [Fact]
    public void Gap_IsComparedWithTheBaselines()
    {
        var trials = new[]
        {
            Baseline(0, 0.8, epochs: Flat(5, 0.95, 0.85)),
            Make(1, "a", 0.85, changes: [A], epochs: Flat(5, 0.90, 0.87)),
        };

        var effect = ChangeEffects.Analyze(trials, true, Thresholds)[0];

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

        var check = Assert.Single(Interactions.Analyze(trials, true, Thresholds));

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

        Assert.Equal(InteractionVerdict.Interference, Interactions.Analyze(trials, true, Thresholds)[0].Verdict);
    }

    [Fact]
    public void AdaptiveRounds_CompareWithTheirOwnBaselineAndReportTheChosenChange()
    {
        var trials = new[]
        {
            Baseline(0, 0.80), Make(1, "a", 0.85, changes: [A]), Make(2, "b", 0.82, changes: [B]),
            Make(3, "r1-base", 0.85, TrialRoles.Baseline, [A], round: 1),
            Make(4, "r1-b", 0.88, TrialRoles.SingleChange, [A, B], round: 1),
        };

        var rounds = AdaptivePath.Analyze(trials, true, Thresholds);

        Assert.Equal([0, 1], rounds.Select(r => r.Round));
        Assert.Equal("a", rounds[0].Chosen!.Config.ConfigKey);
        Assert.Equal(B, Assert.Single(rounds[1].Chosen!.Changes));
        Assert.Equal(0.03, rounds[1].Chosen!.DeltaObjective, 10);
        Assert.True(rounds[1].Improved);
    }

    /// <summary>As the search plans it: a later round does not re-run its baseline, the configuration chosen in the
    /// round before is the reference.</summary>
    [Fact]
    public void AdaptiveRoundWithoutARerunBaseline_IsMeasuredAgainstTheChosenConfiguration()
    {
        var c = Change("model.batch_norm", "true");
        var trials = new[]
        {
            Baseline(0, 0.80),
            Make(1, "a", 0.85, changes: [A]),
            Make(2, "b", 0.82, changes: [B]),
            Make(3, "c", 0.81, changes: [c]),
            Make(4, "a+b", 0.88, changes: [A, B], round: 1),
            Make(5, "a+c", 0.84, changes: [A, c], round: 1),
            Make(6, "a+b+c", 0.87, changes: [A, B, c], round: 2),
        };

        var rounds = AdaptivePath.Analyze(trials, true, Thresholds);

        Assert.Equal(["baseline", "a", "a+b"], rounds.Select(r => r.Baseline.ConfigKey));
        Assert.Equal(B, Assert.Single(rounds[1].Chosen!.Changes));
        Assert.Equal(0.03, rounds[1].Chosen!.DeltaObjective, 10);
        Assert.Equal(c, Assert.Single(rounds[2].Chosen!.Changes));
        Assert.Equal(-0.01, rounds[2].Chosen!.DeltaObjective, 10);
        Assert.False(rounds[2].Improved);
    }

    [Fact]
    public void NonAdaptiveSweep_HasNoPath() =>
        Assert.Empty(AdaptivePath.Analyze([Baseline(0, 0.8), Make(1, "a", 0.9, changes: [A])], true, Thresholds));
}
