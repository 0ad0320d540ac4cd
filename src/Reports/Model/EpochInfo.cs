namespace Sweep.Reports.Model;

/// <summary>Metrics of one finished epoch (1-based). Losses may be NaN or infinite when training diverged.
/// <see cref="TrainLoss"/> and <see cref="TrainAccuracy"/> are running means over the epoch in train mode;
/// <see cref="TrainEvalLoss"/> and <see cref="TrainEvalAccuracy"/> were measured at its end in eval mode on a fixed
/// training subset, and are what bias and variance are read from. Null when the sweep did not measure them.</summary>
public sealed record EpochInfo(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double LearningRate,
    double Seconds,
    double? TrainEvalLoss = null,
    double? TrainEvalAccuracy = null);
