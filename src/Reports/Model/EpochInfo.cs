namespace Sweep.Reports.Model;

/// <summary>Metrics of one finished epoch (1-based). Losses may be NaN or infinite when training diverged.</summary>
public sealed record EpochInfo(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double LearningRate,
    double Seconds);
