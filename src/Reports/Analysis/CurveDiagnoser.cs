using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>Diagnoses one trial from its learning curves. Pure: the same epochs and thresholds give the same answer.</summary>
public static class CurveDiagnoser
{
    public static CurveDiagnosis Diagnose(TrialInfo trial, DiagnosisThresholds thresholds) =>
        Diagnose(trial.Epochs, trial.State == TrialStates.Diverged, thresholds, TrialProgress.IsUnfinished(trial));

    /// <param name="stillTraining">A trial still training has not had the epochs to lower its training error, so
    /// high bias is not concluded for it (overfitting and instability already show).</param>
    public static CurveDiagnosis Diagnose(IReadOnlyList<EpochInfo> epochs, bool reportedDiverged,
        DiagnosisThresholds thresholds, bool stillTraining = false)
    {
        var nonFinite = epochs.FirstOrDefault(e => !double.IsFinite(e.TrainLoss) || !double.IsFinite(e.ValLoss)
            || e.TrainEvalLoss is { } evalLoss && !double.IsFinite(evalLoss));
        if (reportedDiverged || nonFinite is not null)
            return new CurveDiagnosis(DiagnosisKind.Diverged, thresholds.DivergedSeverity, NonFiniteEpoch: nonFinite?.Epoch);
        if (epochs.Any(e => e.TrainEvalLoss is null || e.TrainEvalAccuracy is null))
            return new CurveDiagnosis(DiagnosisKind.TrainingErrorNotMeasured, 0);

        var final = FinalErrors.Of(epochs);
        if (epochs.Count < thresholds.MinEpochs || final is null)
            return new CurveDiagnosis(DiagnosisKind.NotEnoughEpochs, 0, FinalGap: final?.Gap, FinalTrainError: final?.TrainError);

        var trainLoss = epochs.Select(e => e.TrainEvalLoss!.Value).ToArray();
        var jumps = CountJumps(trainLoss, thresholds.UnstableJumpFraction);
        var stillFalling = IsStillFalling(trainLoss, thresholds.StillFallingFraction);
        var gapRatio = final.Gap / thresholds.HighVarianceGap;
        var biasRatio = final.TrainError / thresholds.HighBiasTrainError;

        CurveDiagnosis With(DiagnosisKind kind, double severity, int? onset = null, double? rise = null) =>
            new(kind, severity, onset, rise, final.Gap, final.TrainError, stillFalling, jumps);

        if (jumps >= thresholds.UnstableMinJumps)
            return With(DiagnosisKind.Unstable, (double)jumps / thresholds.UnstableMinJumps);

        var (onsetIndex, rise) = ValidationLossRise(epochs, thresholds.SmoothingWindow);
        var riseRatio = rise / thresholds.OverfitValidationLossRise;
        var trainFellAfterOnset = trainLoss[^1] < trainLoss[onsetIndex];
        if (riseRatio >= 1 && trainFellAfterOnset)
            return With(DiagnosisKind.Overfitting, Math.Max(riseRatio, gapRatio), epochs[onsetIndex].Epoch, rise);

        if (stillTraining && biasRatio >= 1 && gapRatio < biasRatio)
            return With(DiagnosisKind.NotEnoughEpochs, 0, rise: rise);
        if (gapRatio >= 1 || biasRatio >= 1)
            return gapRatio >= biasRatio
                ? With(DiagnosisKind.HighVariance, gapRatio, rise: rise)
                : With(DiagnosisKind.HighBias, biasRatio, rise: rise);

        return With(DiagnosisKind.Healthy, Math.Max(0, Math.Max(Math.Max(gapRatio, biasRatio), riseRatio)), rise: rise);
    }

    /// <summary>Epochs whose loss rose by more than <paramref name="fraction"/> over the previous epoch.</summary>
    internal static int CountJumps(IReadOnlyList<double> loss, double fraction)
    {
        var jumps = 0;
        for (var i = 1; i < loss.Count; i++)
            if (loss[i] > loss[i - 1] * (1 + fraction)) jumps++;
        return jumps;
    }

    /// <summary>Average relative drop over the last two epochs, so one flat epoch does not hide a falling trend.</summary>
    internal static bool IsStillFalling(IReadOnlyList<double> loss, double fraction)
    {
        var steps = Math.Min(2, loss.Count - 1);
        if (steps < 1 || loss[^(steps + 1)] <= 0) return false;
        var relativeDropPerEpoch = (loss[^(steps + 1)] - loss[^1]) / loss[^(steps + 1)] / steps;
        return relativeDropPerEpoch >= fraction;
    }

    /// <summary>Index of the minimum raw validation loss (the early-stopping epoch) and the relative rise of the
    /// centred moving average from its minimum to the last epoch.</summary>
    internal static (int MinimumIndex, double Rise) ValidationLossRise(IReadOnlyList<EpochInfo> epochs, int window)
    {
        var raw = epochs.Select(e => e.ValLoss).ToArray();
        var smoothed = Smooth(raw, window);
        var smoothedMinimum = smoothed.Min();
        var rise = smoothedMinimum > 0 ? (smoothed[^1] - smoothedMinimum) / smoothedMinimum : 0;
        return (Array.IndexOf(raw, raw.Min()), rise);
    }

    internal static double[] Smooth(IReadOnlyList<double> values, int window)
    {
        var half = Math.Max(0, window / 2);
        var result = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var from = Math.Max(0, i - half);
            var to = Math.Min(values.Count - 1, i + half);
            double sum = 0;
            for (var j = from; j <= to; j++) sum += values[j];
            result[i] = sum / (to - from + 1);
        }
        return result;
    }
}
