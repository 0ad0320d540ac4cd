using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>A finished trial placed by training error (bias) and generalization gap (variance) at its last epoch;
/// running trials are left out because their last epoch is not where they will end, and trials stopped early because
/// theirs is not where the others ended.</summary>
public sealed record BiasVariancePoint(int TrialIndex, string ConfigKey, double TrainError, double Gap, DiagnosisKind Kind);

/// <summary>Points plus the thresholds that bound the named regions.</summary>
public sealed record BiasVarianceInfo(IReadOnlyList<BiasVariancePoint> Points, double HighBiasTrainError, double HighVarianceGap);

public static class BiasVariance
{
    public static BiasVarianceInfo Analyze(IEnumerable<TrialInfo> trials, IReadOnlyDictionary<int, CurveDiagnosis> diagnoses,
        DiagnosisThresholds thresholds)
    {
        var points = new List<BiasVariancePoint>();
        foreach (var trial in trials.Where(t => !TrialProgress.IsUnfinished(t) && !TrialProgress.StoppedEarly(t)))
        {
            if (FinalErrors.Of(trial.Epochs) is not { } final) continue;
            var kind = diagnoses.TryGetValue(trial.Index, out var diagnosis) ? diagnosis.Kind : DiagnosisKind.NotEnoughEpochs;
            points.Add(new BiasVariancePoint(trial.Index, trial.ConfigKey, final.TrainError, final.Gap, kind));
        }
        return new BiasVarianceInfo(points, thresholds.HighBiasTrainError, thresholds.HighVarianceGap);
    }
}
