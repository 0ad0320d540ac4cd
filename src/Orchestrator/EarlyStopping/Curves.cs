using System.Globalization;

namespace Sweep.Orchestrator.EarlyStopping;

/// <summary>Reading the objective curves handed to early stoppers.</summary>
internal static class Curves
{
    public static IReadOnlyList<double> Own(IReadOnlyDictionary<int, IReadOnlyList<double>> curves, int trialIndex,
        int epoch)
    {
        if (epoch < 1)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "epochs are 1-based");
        if (!curves.TryGetValue(trialIndex, out var own) || own.Count < epoch)
            throw new ArgumentException(
                $"trial {trialIndex} has no objective recorded for epoch {epoch}", nameof(curves));
        return own;
    }

    /// <summary>Invariant, short enough for a reason string; four significant digits resolve an accuracy to the
    /// hundredth of a point the report shows.</summary>
    public static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
