using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

public sealed record SanityRow(TrialInfo Trial, SanityInfo Sanity, bool LossOff, bool AccuracyOff)
{
    public bool OverfitOneBatchFailed => Sanity.OverfitOneBatchPassed == false;
    public bool Flagged => LossOff || AccuracyOff || OverfitOneBatchFailed;
}

/// <summary>An untrained classifier should be at chance: loss ≈ ln(classes), accuracy ≈ 1/classes. Far off means
/// a bug in the data, labels, loss or initialization.</summary>
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
        var lossOff = !double.IsFinite(sanity.InitialLoss)
            || Math.Abs(sanity.InitialLoss - sanity.ExpectedInitialLoss) > thresholds.InitialLossRelativeTolerance * sanity.ExpectedInitialLoss;
        var accuracyOff = !double.IsFinite(sanity.InitialAccuracy)
            || Math.Abs(sanity.InitialAccuracy - sanity.ExpectedInitialAccuracy) > thresholds.InitialAccuracyTolerance;
        return new SanityRow(trial, sanity, lossOff, accuracyOff);
    }
}
