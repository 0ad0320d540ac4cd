namespace Sweep.Trials.Training;

/// <summary>What the loop keeps between epochs besides the model and optimizer: saved with every checkpoint so
/// a resumed trial continues exactly where it stopped.</summary>
public sealed record TrainingState(
    int Epoch,
    long Step,
    IReadOnlyList<EpochMetrics> History,
    int BestEpoch,
    double? BestObjective,
    double BestValLoss,
    int EpochsWithoutImprovement,
    SanityChecks? Sanity,
    double Seconds);
