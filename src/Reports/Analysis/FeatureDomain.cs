namespace Sweep.Reports.Analysis;

public enum FeatureKind { Ordered, Categorical }

/// <summary>The space one input of the forest spans. An ordered input is the interval
/// [<paramref name="Low"/>, <paramref name="High"/>]; a categorical one holds the category indices
/// 0 … <paramref name="CategoryCount"/> − 1, each equally likely.</summary>
public sealed record FeatureDomain(FeatureKind Kind, double Low, double High, int CategoryCount)
{
    /// <summary>Category sets are bit masks, so a categorical input has at most this many categories.</summary>
    public const int MaxCategories = 64;

    public static FeatureDomain Interval(double low, double high) => new(FeatureKind.Ordered, low, high, 0);

    public static FeatureDomain Categories(int count) =>
        count is >= 1 and <= MaxCategories
            ? new(FeatureKind.Categorical, 0, count - 1, count)
            : throw new ArgumentOutOfRangeException(nameof(count), count, $"1 to {MaxCategories} categories");

    public ulong AllCategories => CategoryCount == MaxCategories ? ulong.MaxValue : (1UL << CategoryCount) - 1;
}
