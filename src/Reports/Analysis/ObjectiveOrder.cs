namespace Sweep.Reports.Analysis;

/// <summary>Which way "better" points for the sweep's objective.</summary>
public sealed record ObjectiveOrder(bool Maximize)
{
    /// <summary>Positive when <paramref name="delta"/> is an improvement.</summary>
    public double Improvement(double delta) => Maximize ? delta : -delta;

    public bool IsBetter(double candidate, double incumbent) => Maximize ? candidate > incumbent : candidate < incumbent;

    public IOrderedEnumerable<T> BestFirst<T>(IEnumerable<T> items, Func<T, double> objective) =>
        Maximize ? items.OrderByDescending(objective) : items.OrderBy(objective);
}
