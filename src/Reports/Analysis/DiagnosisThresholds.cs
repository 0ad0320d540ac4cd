namespace Sweep.Reports.Analysis;

/// <summary>Every number the diagnoses and sanity checks compare against, in one place so a reader of the report
/// (which prints them) and a tuner of the rules see the same values. Errors and gaps are fractions (0.05 = 5 points).</summary>
public sealed record DiagnosisThresholds
{
    /// <summary>Fewer epochs than this cannot show a trend; such trials are "not enough epochs" unless they diverged.</summary>
    public int MinEpochs { get; init; } = 3;

    /// <summary>Validation loss is averaged over this many neighbouring epochs so that one noisy epoch is no trend.</summary>
    public int SmoothingWindow { get; init; } = 3;

    /// <summary>Overfitting: smoothed validation loss ends at least this fraction above its minimum while training loss fell.</summary>
    public double OverfitValidationLossRise { get; init; } = 0.10;

    /// <summary>High variance: final validation error minus training error at least this large.</summary>
    public double HighVarianceGap { get; init; } = 0.05;

    /// <summary>High bias: final training error at least this large (Fashion-MNIST CNNs reach well under 10 %).</summary>
    public double HighBiasTrainError { get; init; } = 0.15;

    /// <summary>Training loss that still drops by this fraction per epoch at the end is "still falling": more epochs help.</summary>
    public double StillFallingFraction { get; init; } = 0.02;

    /// <summary>An epoch whose training loss rises by more than this fraction over the previous one is a jump.</summary>
    public double UnstableJumpFraction { get; init; } = 0.25;

    /// <summary>This many jumps make a curve unstable (oscillating).</summary>
    public int UnstableMinJumps { get; init; } = 2;

    /// <summary>Severity given to a diverged trial: above anything a finite curve can score under the default thresholds.</summary>
    public double DivergedSeverity { get; init; } = 10;

    /// <summary>Sanity: initial loss may differ from ln(classes) by this fraction of it.</summary>
    public double InitialLossRelativeTolerance { get; init; } = 0.2;

    /// <summary>Sanity: initial accuracy may differ from 1/classes by this much (absolute).</summary>
    public double InitialAccuracyTolerance { get; init; } = 0.1;

    public static DiagnosisThresholds Default { get; } = new();
}
