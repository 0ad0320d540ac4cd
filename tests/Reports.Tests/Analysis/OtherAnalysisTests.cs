using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using static Sweep.Reports.Tests.Analysis.Trials;

namespace Sweep.Reports.Tests.Analysis;

public class BiasVarianceTests
{
    [Fact]
    public void Points_AreTrainingErrorAndGapAtTheLastEpoch_RunningTrialsLeftOut()
    {
        var trials = new[]
        {
            Baseline(0, 0.8, epochs: Flat(4, 0.95, 0.85)),
            Make(1, "a", null, epochs: Flat(4, 0.7, 0.69), state: TrialStates.Running),
            Make(2, "b", null, epochs: []),
        };
        var diagnoses = Diagnostics.DiagnoseAll(trials, DiagnosisThresholds.Default);

        var info = BiasVariance.Analyze(trials, diagnoses, DiagnosisThresholds.Default);

        var point = Assert.Single(info.Points);
        Assert.Equal(0, point.TrialIndex);
        Assert.Equal(0.05, point.TrainError, 10);
        Assert.Equal(0.10, point.Gap, 10);
        Assert.Equal(DiagnosisKind.HighVariance, point.Kind);
        Assert.Equal(DiagnosisThresholds.Default.HighVarianceGap, info.HighVarianceGap);
    }
}

public class SanityCheckTests
{
    private static readonly DiagnosisThresholds Thresholds = DiagnosisThresholds.Default;

    private static SanityRow Check(double loss, double accuracy, bool? overfit = null) =>
        SanityChecks.Check(Baseline(0, 0.8), new SanityInfo(loss, Math.Log(10), accuracy, 0.1, overfit), Thresholds);

    [Fact]
    public void PretrainedWeights_FarFromChance_AreNotFlagged()
    {
        var row = SanityChecks.Check(Baseline(0, 0.8), new SanityInfo(0.4, null, 0.9, null, null), Thresholds);

        Assert.False(row.Flagged);
    }

    [Fact]
    public void PretrainedWeights_WithANonFiniteLoss_AreFlagged() =>
        Assert.True(SanityChecks.Check(Baseline(0, 0.8), new SanityInfo(double.NaN, null, 0.9, null, null), Thresholds).LossOff);

    [Fact]
    public void ChanceLevel_Passes() => Assert.False(Check(2.31, 0.11, true).Flagged);

    [Fact]
    public void InitialLossFarFromLnClasses_IsFlagged()
    {
        var row = Check(4.0, 0.1);
        Assert.True(row.LossOff);
        Assert.True(row.Flagged);
    }

    [Fact]
    public void InitialAccuracyFarFromChance_IsFlagged() => Assert.True(Check(2.3, 0.35).AccuracyOff);

    [Fact]
    public void NaNInitialLoss_IsFlagged() => Assert.True(Check(double.NaN, 0.1).LossOff);

    [Fact]
    public void FailedOverfitOneBatch_IsFlagged() => Assert.True(Check(2.3, 0.1, overfit: false).Flagged);

    [Fact]
    public void FlaggedRowsComeFirst()
    {
        var trials = new[]
        {
            Make(0, "a", 0.8, sanity: new SanityInfo(2.3, 2.3, 0.1, 0.1, null)),
            Make(1, "b", 0.8, sanity: new SanityInfo(9, 2.3, 0.1, 0.1, null)),
            Make(2, "c", 0.8),
        };

        Assert.Equal([1, 0], SanityChecks.Analyze(trials, Thresholds).Select(r => r.Trial.Index));
    }
}

public class ValidationCurveTests
{
    private static SweepInfo Sweep(string path, string baseline) => new("id", "n", "ofat", "d", "val_accuracy", true,
        DateTimeOffset.UnixEpoch, 1, 1, [], "cmd", 2, [new SearchParameterInfo(path, ParameterDistribution.Values)],
        new Dictionary<string, string> { [path] = baseline }, 10, EarlyStoppingInfo.None);

    [Fact]
    public void LearningRatesSpanningDecades_UseALogAxisWithSeedSpread()
    {
        var trials = new[]
        {
            Baseline(0, 0.8, epochs: Flat(3, 0.90, 0.85)), Baseline(1, 0.8, repeat: 1, epochs: Flat(3, 0.92, 0.87)),
            Make(2, "lr-4", 0.7, changes: [Change("training.lr", "0.0001", "0.001")], epochs: Flat(3, 0.80, 0.79)),
            Make(3, "lr-1", 0.5, changes: [Change("training.lr", "0.1", "0.001")], epochs: Flat(3, 0.60, 0.55)),
            Make(4, "other", 0.5, changes: [Change("model.dropout", "0.5")], epochs: Flat(3, 0.1, 0.1)),
        };

        var curve = Assert.Single(ValidationCurves.Analyze(Sweep("training.lr", "0.001"), trials));

        Assert.Equal(ParameterAxis.Logarithmic, curve.Axis);
        Assert.True(curve.OneAtATime);
        Assert.Equal(["0.0001", "0.001", "0.1"], curve.Points.Select(p => p.Value));
        var baseline = curve.Points[1];
        Assert.True(baseline.IsBaseline);
        Assert.Equal(0.86, baseline.Validation.Mean, 10);
        Assert.Equal(Math.Sqrt(0.0002), baseline.Validation.StandardDeviation!.Value, 10);
    }

    [Fact]
    public void TextValues_UseACategoricalAxisWithTheBaselineFirst()
    {
        var trials = new[]
        {
            Make(0, "sgd", 0.7, changes: [Change("training.optimizer", "sgd", "adam")], epochs: Flat(3, 0.8, 0.7)),
            Baseline(1, 0.8, epochs: Flat(3, 0.9, 0.85)),
        };

        var curve = ValidationCurves.Analyze(Sweep("training.optimizer", "adam"), trials)[0];

        Assert.Equal(ParameterAxis.Categorical, curve.Axis);
        Assert.Equal(["adam", "sgd"], curve.Points.Select(p => p.Value));
    }
}
