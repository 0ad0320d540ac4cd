using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using Sweep.Reports.Samples;

namespace Sweep.Reports.Tests.Analysis;

public class CurveDiagnoserTests
{
    private static readonly DiagnosisThresholds Thresholds = DiagnosisThresholds.Default;

    private static CurveDiagnosis Diagnose(CurveShape shape, int seed = 1) =>
        CurveDiagnoser.Diagnose(SyntheticCurves.Generate(shape, seed), reportedDiverged: false, Thresholds);

    [Fact]
    public void TextbookOverfit_IsOverfittingWithOnsetAtMinimumValidationLoss()
    {
        var diagnosis = Diagnose(new CurveShape(20, 0.02, 0.08, OverfitOnset: 7));

        Assert.Equal(DiagnosisKind.Overfitting, diagnosis.Kind);
        Assert.Equal(7, diagnosis.OnsetEpoch);
        Assert.InRange(diagnosis.ValidationLossRise!.Value, 0.2, 0.35);
        Assert.True(diagnosis.Severity >= 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NoisyOverfit_IsStillOverfittingWithOnsetNearTheTrueOne(int seed)
    {
        var diagnosis = Diagnose(new CurveShape(20, 0.02, 0.08, OverfitOnset: 7, Noise: 0.03), seed);

        Assert.Equal(DiagnosisKind.Overfitting, diagnosis.Kind);
        Assert.InRange(diagnosis.OnsetEpoch!.Value, 5, 9);
    }

    [Fact]
    public void EpochsWithoutEvalModeTrainingFigures_AreNotReadForBiasOrVariance()
    {
        var old = SyntheticCurves.Generate(new CurveShape(15, 0.25, 0.01), 1)
            .Select(e => e with { TrainEvalLoss = null, TrainEvalAccuracy = null }).ToList();

        var diagnosis = CurveDiagnoser.Diagnose(old, false, Thresholds);

        Assert.Equal(DiagnosisKind.TrainingErrorNotMeasured, diagnosis.Kind);
        Assert.Null(diagnosis.FinalTrainError);
        Assert.Null(FinalErrors.Of(old));
    }

    [Fact]
    public void TrainingError_IsTheEvalModeOne_NotTheRunningMean()
    {
        var epochs = Enumerable.Range(1, 6)
            .Select(e => new EpochInfo(e, 0.6, 0.78, 0.35, 0.88, 1e-3, 1, 0.3, 0.9)).ToList();

        var diagnosis = CurveDiagnoser.Diagnose(epochs, false, Thresholds);

        Assert.Equal(0.1, diagnosis.FinalTrainError!.Value, 12);
        Assert.Equal(0.02, diagnosis.FinalGap!.Value, 12);
        Assert.NotEqual(DiagnosisKind.HighBias, diagnosis.Kind);
    }

    [Fact]
    public void Underfit_IsHighBias()
    {
        var diagnosis = Diagnose(new CurveShape(15, 0.25, 0.01));

        Assert.Equal(DiagnosisKind.HighBias, diagnosis.Kind);
        Assert.Equal(0.25, diagnosis.FinalTrainError!.Value, 3);
        Assert.True(diagnosis.Severity > 1.5);
    }

    [Fact]
    public void UnderfitWithFlatTrainingLoss_IsNotStillFalling()
    {
        var flat = Enumerable.Range(1, 10).Select(e => new EpochInfo(e, 0.9, 0.7, 0.95, 0.69, 1e-3, 1, 0.9, 0.7)).ToList();

        var diagnosis = CurveDiagnoser.Diagnose(flat, false, Thresholds);

        Assert.Equal(DiagnosisKind.HighBias, diagnosis.Kind);
        Assert.False(diagnosis.TrainLossStillFalling);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.03, 1)]
    [InlineData(0.03, 2)]
    [InlineData(0.03, 3)]
    public void Healthy_IsHealthyWithSeverityBelowOne(double noise, int seed)
    {
        var diagnosis = Diagnose(new CurveShape(15, 0.04, 0.02, Noise: noise), seed);

        Assert.Equal(DiagnosisKind.Healthy, diagnosis.Kind);
        Assert.InRange(diagnosis.Severity, 0, 0.999);
    }

    [Fact]
    public void LargeFinalGapWithoutRisingValidationLoss_IsHighVariance()
    {
        var diagnosis = Diagnose(new CurveShape(15, 0.03, 0.09));

        Assert.Equal(DiagnosisKind.HighVariance, diagnosis.Kind);
        Assert.Equal(0.09 / 0.05, diagnosis.Severity, 1);
    }

    [Fact]
    public void NaNLoss_IsDivergedAtTheFirstBadEpoch()
    {
        var diagnosis = Diagnose(new CurveShape(15, 0.1, 0.02, DivergeAt: 4));

        Assert.Equal(DiagnosisKind.Diverged, diagnosis.Kind);
        Assert.Equal(4, diagnosis.NonFiniteEpoch);
        Assert.Equal(Thresholds.DivergedSeverity, diagnosis.Severity);
    }

    [Fact]
    public void InfiniteValidationLoss_IsDiverged()
    {
        var epochs = Trials.Flat(3, 0.9, 0.9).Select(e => e.Epoch == 2 ? e with { ValLoss = double.PositiveInfinity } : e).ToList();

        Assert.Equal(DiagnosisKind.Diverged, CurveDiagnoser.Diagnose(epochs, false, Thresholds).Kind);
    }

    [Fact]
    public void TrialReportedDivergedWithoutEpochs_IsDiverged() =>
        Assert.Equal(DiagnosisKind.Diverged, CurveDiagnoser.Diagnose([], reportedDiverged: true, Thresholds).Kind);

    [Fact]
    public void OscillatingTrainingLoss_IsUnstable()
    {
        var diagnosis = Diagnose(new CurveShape(12, 0.1, 0.02, Oscillate: true));

        Assert.Equal(DiagnosisKind.Unstable, diagnosis.Kind);
        Assert.True(diagnosis.LossJumps >= Thresholds.UnstableMinJumps);
    }

    [Fact]
    public void TooFewEpochs_IsTooEarlyToTell() =>
        Assert.Equal(DiagnosisKind.NotEnoughEpochs, Diagnose(new CurveShape(2, 0.05, 0.01)).Kind);

    [Fact]
    public void RunningTrialWithHighTrainingError_IsNotYetCalledHighBias()
    {
        var epochs = SyntheticCurves.Generate(new CurveShape(15, 0.05, 0.01), 1).Take(4).ToList();

        Assert.Equal(DiagnosisKind.NotEnoughEpochs, CurveDiagnoser.Diagnose(epochs, false, Thresholds, stillTraining: true).Kind);
        Assert.Equal(DiagnosisKind.HighBias, CurveDiagnoser.Diagnose(epochs, false, Thresholds, stillTraining: false).Kind);
    }

    [Fact]
    public void ThresholdsDecide_StricterGapLimitFlagsTheSameCurve()
    {
        var epochs = SyntheticCurves.Generate(new CurveShape(15, 0.04, 0.03), 1);

        Assert.Equal(DiagnosisKind.Healthy, CurveDiagnoser.Diagnose(epochs, false, Thresholds).Kind);
        Assert.Equal(DiagnosisKind.HighVariance, CurveDiagnoser.Diagnose(epochs, false, Thresholds with { HighVarianceGap = 0.02 }).Kind);
    }

    [Fact]
    public void Smooth_AveragesNeighbours() =>
        Assert.Equal([1.5, 2, 3, 3.5], CurveDiagnoser.Smooth([1, 2, 3, 4], 3));
}
