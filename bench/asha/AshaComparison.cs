using Sweep.Orchestrator.Storage;

namespace Sweep.AshaBench;

/// <summary>A full grid and the same grid under ASHA, compared on what matters: the best objective each found
/// (in accuracy points) and the share of the full run's epochs ASHA trained.</summary>
public sealed record AshaComparison(double FullBest, double AshaBest, int FullEpochs, int AshaEpochs)
{
    public double PointsLost => 100 * (FullBest - AshaBest);

    public double EpochFraction => (double)AshaEpochs / FullEpochs;

    public static AshaComparison Of(IReadOnlyList<TrialRecord> full, IReadOnlyList<TrialRecord> asha) =>
        new(Best(full), Best(asha), Epochs(full), Epochs(asha));

    public static double Best(IReadOnlyList<TrialRecord> trials) =>
        trials.Max(t => t.Result?.BestObjective) ?? throw new InvalidOperationException("no trial has a result");

    /// <summary>Epochs trained: every epoch a trial recorded, pruned trials included.</summary>
    public static int Epochs(IReadOnlyList<TrialRecord> trials) => trials.Sum(t => t.Result?.Epochs.Count ?? 0);
}
