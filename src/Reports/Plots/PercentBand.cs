namespace Sweep.Reports.Plots;

/// <summary>A ± spread around a fraction, cut where the fraction ends: an accuracy of 99 % ± 3 reaches 100 %, not
/// 102 %, and 1 % ± 3 reaches 0 %.</summary>
public static class PercentBand
{
    /// <returns>How far the whiskers go up and down from <paramref name="mean"/>, both ≥ 0.</returns>
    public static (double Up, double Down) Within(double mean, double spread) =>
        (Math.Max(0, Math.Min(spread, 1 - mean)), Math.Max(0, Math.Min(spread, mean)));
}
