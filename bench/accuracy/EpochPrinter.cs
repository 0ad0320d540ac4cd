using Sweep.Trials.Training;

namespace Sweep.AccuracyBench;

/// <summary>Prints one line per finished epoch so a long run shows it is alive.</summary>
internal sealed class EpochPrinter(TextWriter output, int epochs) : ITrialObserver
{
    public EpochDecision OnEpoch(EpochMetrics metrics)
    {
        output.WriteLine($"epoch {metrics.Epoch,2}/{epochs}  train loss {metrics.TrainLoss:0.0000}  "
            + $"val loss {metrics.ValLoss:0.0000}  val accuracy {metrics.ValAccuracy:0.0000}  {metrics.Seconds:0} s");
        return EpochDecision.Continue;
    }
}
