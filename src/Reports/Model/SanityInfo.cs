namespace Sweep.Reports.Model;

/// <summary>Measurements before training: an untrained classifier should score about ln(classes) loss and
/// 1/classes accuracy; <paramref name="OverfitOneBatchPassed"/> is null when that check was not run.</summary>
public sealed record SanityInfo(
    double InitialLoss,
    double ExpectedInitialLoss,
    double InitialAccuracy,
    double ExpectedInitialAccuracy,
    bool? OverfitOneBatchPassed);
