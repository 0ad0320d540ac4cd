using System.Globalization;
using Sweep.Reports.Analysis;
using Sweep.Reports.Model;

namespace Sweep.Reports.Tests.Analysis;

/// <summary>The epochs of a real quick-start sweep (four short epochs; dropout in one trial, flips in another), as exported: read
/// by the running mean in train mode nearly every trial looked under-fitted with a negative gap.</summary>
public sealed class RealSweepBiasVarianceTests
{
    private static readonly DiagnosisThresholds Thresholds = DiagnosisThresholds.Default;

    private static IReadOnlyList<IReadOnlyList<EpochInfo>> Sweep()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "quickstart-epochs.csv"))
            .Where(line => !line.StartsWith('#')).Skip(1)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        return rows.GroupBy(r => (int)r[0])
            .Select(trial => (IReadOnlyList<EpochInfo>)trial.Select(r =>
                new EpochInfo((int)r[1], r[2], r[3], r[6], r[7], r[8], 1, r[4], r[5])).ToList())
            .ToList();
    }

    /// <summary>What the report read before: the running mean where the eval-mode figure is.</summary>
    private static IReadOnlyList<EpochInfo> AsRunningMean(IReadOnlyList<EpochInfo> epochs) =>
        epochs.Select(e => e with { TrainEvalLoss = e.TrainLoss, TrainEvalAccuracy = e.TrainAccuracy }).ToList();

    private static DiagnosisKind Kind(IReadOnlyList<EpochInfo> epochs) =>
        CurveDiagnoser.Diagnose(epochs, reportedDiverged: false, Thresholds).Kind;

    [Fact]
    public void EvalModeTrainingError_FlagsFewerTrialsHighBias_ThanTheRunningMean()
    {
        var sweep = Sweep();

        var byRunningMean = sweep.Count(trial => Kind(AsRunningMean(trial)) == DiagnosisKind.HighBias);
        var byEvalMode = sweep.Count(trial => Kind(trial) == DiagnosisKind.HighBias);

        Assert.Equal(7, sweep.Count);
        Assert.True(byEvalMode < byRunningMean, $"high bias: {byEvalMode} by eval mode, {byRunningMean} by running mean");
        Assert.Contains(sweep, trial => Kind(trial) is DiagnosisKind.Healthy or DiagnosisKind.HighVariance);
    }

    [Fact]
    public void EvalModeGaps_AreMostlyPositive_WhereTheRunningMeanMadeThemNegative()
    {
        var sweep = Sweep();

        var runningGaps = sweep.Select(trial => FinalErrors.Of(AsRunningMean(trial))!.Gap).ToList();
        var evalGaps = sweep.Select(trial => FinalErrors.Of(trial)!.Gap).ToList();

        Assert.True(runningGaps.Average() < 0, $"mean running-mean gap {runningGaps.Average():P2}");
        Assert.True(evalGaps.Average() > 0, $"mean eval-mode gap {evalGaps.Average():P2}");
        Assert.True(evalGaps.Count(g => g > 0) > runningGaps.Count(g => g > 0));
    }
}
