using Sweep.Reports.Model;

namespace Sweep.Reports.Samples;

/// <summary>The shape a curve should have; the generator turns it into epochs with known diagnoses.</summary>
/// <param name="OverfitOnset">Epoch after which validation loss climbs (about 30 % by the end) while training loss falls.</param>
/// <param name="DivergeAt">Epoch at which the loss becomes NaN; the curve stops there.</param>
/// <param name="Oscillate">Training loss jumps up every other epoch, as with too high a learning rate.</param>
public sealed record CurveShape(int Epochs, double FinalTrainError, double FinalGap, int? OverfitOnset = null,
    double Noise = 0, int? DivergeAt = null, bool Oscillate = false);

/// <summary>Deterministic learning curves for tests, demos and the benchmark.</summary>
public static class SyntheticCurves
{
    public static IReadOnlyList<EpochInfo> Generate(CurveShape shape, int seed)
    {
        var random = new Random(seed);
        double Jitter() => 1 + shape.Noise * (2 * random.NextDouble() - 1);
        var finalTrainLoss = 1.2 * shape.FinalTrainError + 0.02;
        // Normalized so the curve reaches exactly the requested final errors at the last epoch.
        var floor = Math.Exp(-3.0);
        double Decay(int epoch) => (Math.Exp(-3.0 * epoch / shape.Epochs) - floor) / (1 - floor);
        double TrainLoss(int epoch) => finalTrainLoss + (2.3 - finalTrainLoss) * Decay(epoch);
        double Gap(int epoch) => shape.FinalGap * (1 - Decay(epoch));
        double BaseValLoss(int epoch) => TrainLoss(epoch) + 1.5 * Gap(epoch);

        var epochs = new List<EpochInfo>();
        for (var epoch = 1; epoch <= shape.Epochs; epoch++)
        {
            if (shape.DivergeAt is { } bad && epoch >= bad)
            {
                epochs.Add(new EpochInfo(epoch, double.NaN, 0.1, double.NaN, 0.1, 1e-3, 1.0, double.NaN, 0.1));
                break;
            }
            var trainLoss = TrainLoss(epoch) * Jitter() * (shape.Oscillate && epoch % 2 == 0 ? 1.6 : 1);
            var valLoss = shape.OverfitOnset is { } onset && epoch > onset
                ? BaseValLoss(onset) * (1 + 0.3 * (epoch - onset) / Math.Max(1, shape.Epochs - onset))
                : BaseValLoss(epoch);
            var trainError = shape.FinalTrainError + (0.9 - shape.FinalTrainError) * Decay(epoch);
            var valError = trainError + Gap(epoch);
            // Generated curves stand for the eval-mode measurement; the running mean is given the same values.
            var trainAccuracy = Math.Clamp(1 - trainError * Jitter(), 0, 1);
            epochs.Add(new EpochInfo(epoch, trainLoss, trainAccuracy, valLoss * Jitter(),
                Math.Clamp(1 - valError * Jitter(), 0, 1), 1e-3, 12.5 * Jitter(), trainLoss, trainAccuracy));
        }
        return epochs;
    }
}
