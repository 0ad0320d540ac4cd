using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

public sealed record SanityRow(TrialInfo Trial, SanityInfo Sanity, bool LossOff, bool AccuracyOff)
{
    public bool OverfitOneBatchFailed => Sanity.OverfitOneBatchPassed == false;
    public bool Flagged => LossOff || AccuracyOff || OverfitOneBatchFailed;
}

/// <summary>An untrained classifier should be at chance: loss ≈ ln(classes), accuracy ≈ 1/classes. Far off means
/// a bug in the data, labels, loss or initialization. Pretrained weights have no chance level to be near: only a
/// non-finite loss or accuracy flags them.</summary>
public static class SanityChecks
{
    public static IReadOnlyList<SanityRow> Analyze(IEnumerable<TrialInfo> trials, DiagnosisThresholds thresholds) =>
        trials.Where(t => t.Sanity is not null)
            .Select(t => Check(t, t.Sanity!, thresholds))
            .OrderByDescending(r => r.Flagged)
            .ThenBy(r => r.Trial.Index)
            .ToList();

    public static SanityRow Check(TrialInfo trial, SanityInfo sanity, DiagnosisThresholds thresholds)
    {
        var lossOff = !double.IsFinite(sanity.InitialLoss) || sanity.ExpectedInitialLoss is { } expectedLoss
            && Math.Abs(sanity.InitialLoss - expectedLoss) > thresholds.InitialLossRelativeTolerance * expectedLoss;
        var accuracyOff = !double.IsFinite(sanity.InitialAccuracy) || sanity.ExpectedInitialAccuracy is { } expectedAccuracy
            && Math.Abs(sanity.InitialAccuracy - expectedAccuracy) > thresholds.InitialAccuracyTolerance;
        return new SanityRow(trial, sanity, lossOff, accuracyOff);
    }
}
