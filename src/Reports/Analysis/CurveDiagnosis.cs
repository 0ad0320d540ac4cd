namespace Sweep.Reports.Analysis;

/// <summary>What a trial's curves say, with the numbers that say it.</summary>
/// <param name="Severity">How many times past its threshold the strongest evidence is (≥ 1 means flagged);
/// diverged trials get <see cref="DiagnosisThresholds.DivergedSeverity"/>.</param>
/// <param name="OnsetEpoch">Overfitting: the epoch of minimum validation loss, where early stopping would stop.</param>
/// <param name="ValidationLossRise">Relative rise of smoothed validation loss from its minimum to the last epoch.</param>
/// <param name="NonFiniteEpoch">Diverged: first epoch whose loss is NaN or infinite.</param>
public sealed record CurveDiagnosis(
    DiagnosisKind Kind,
    double Severity,
    int? OnsetEpoch = null,
    double? ValidationLossRise = null,
    double? FinalGap = null,
    double? FinalTrainError = null,
    bool? TrainLossStillFalling = null,
    int LossJumps = 0,
    int? NonFiniteEpoch = null);
