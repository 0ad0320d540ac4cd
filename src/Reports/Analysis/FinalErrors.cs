using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>Where training ended: errors (1 − accuracy) at the last epoch with finite accuracies, the training error
/// measured in eval mode (never the running mean in train mode, which dropout, augmentation and moving weights
/// lower). Gap = validation error − training error, the generalization gap.</summary>
public sealed record FinalErrors(int Epoch, double TrainError, double ValidationError)
{
    public double Gap => ValidationError - TrainError;
    public double TrainAccuracy => 1 - TrainError;
    public double ValidationAccuracy => 1 - ValidationError;

    public static FinalErrors? Of(IReadOnlyList<EpochInfo> epochs)
    {
        for (var i = epochs.Count - 1; i >= 0; i--)
        {
            var epoch = epochs[i];
            if (epoch.TrainEvalAccuracy is { } train && double.IsFinite(train) && double.IsFinite(epoch.ValAccuracy))
                return new FinalErrors(epoch.Epoch, 1 - train, 1 - epoch.ValAccuracy);
        }
        return null;
    }
}
