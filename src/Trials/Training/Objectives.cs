using Sweep.Trials.Specs;

namespace Sweep.Trials.Training;

public static class Objectives
{
    public static double ValueOf(this ObjectiveSpec objective, EpochMetrics epoch) => objective.Metric switch
    {
        ObjectiveMetric.ValAccuracy => epoch.ValAccuracy,
        ObjectiveMetric.ValLoss => epoch.ValLoss,
        ObjectiveMetric.TrainAccuracy => epoch.TrainAccuracy,
        ObjectiveMetric.TrainLoss => epoch.TrainLoss,
        _ => throw new ArgumentOutOfRangeException(nameof(objective)),
    };

    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="incumbent"/>;
    /// NaN is never better.</summary>
    public static bool IsBetter(this ObjectiveSpec objective, double candidate, double? incumbent)
    {
        if (double.IsNaN(candidate))
            return false;
        if (incumbent is not { } current || double.IsNaN(current))
            return true;
        return objective.Mode == ObjectiveMode.Max ? candidate > current : candidate < current;
    }
}
