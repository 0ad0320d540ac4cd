namespace Sweep.Reports.Model;

/// <summary>Measurements before training: an untrained classifier should score about ln(classes) loss and
/// 1/classes accuracy; the expectations are null for pretrained weights, which start wherever their training left
/// them; <paramref name="OverfitOneBatchPassed"/> is null when that check was not run.</summary>
public sealed record SanityInfo(
    double InitialLoss,
    double? ExpectedInitialLoss,
    double InitialAccuracy,
    double? ExpectedInitialAccuracy,
    bool? OverfitOneBatchPassed);
