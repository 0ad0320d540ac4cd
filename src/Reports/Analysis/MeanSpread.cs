using MathNet.Numerics.Statistics;

namespace Sweep.Reports.Analysis;

/// <summary>Mean of repeated measurements with their spread; the spread is null with fewer than two values,
/// because one seed says nothing about seed noise.</summary>
public sealed record MeanSpread(double Mean, double? StandardDeviation, int Count)
{
    public double? StandardError => StandardDeviation is { } sd ? sd / Math.Sqrt(Count) : null;

    public SeedMean Seed => new(Mean, StandardError ?? 0, Count);

    /// <summary>Null when no finite value is given.</summary>
    public static MeanSpread? Of(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return null;
        double? sd = finite.Length > 1 ? finite.StandardDeviation() : null;
        return new MeanSpread(finite.Mean(), sd, finite.Length);
    }

    /// <summary>Standard error of a sum or difference of independent means; null when any is unknown.</summary>
    public static double? CombinedError(params MeanSpread?[] parts)
    {
        double sumOfSquares = 0;
        foreach (var part in parts)
        {
            if (part?.StandardError is not { } error) return null;
            sumOfSquares += error * error;
        }
        return Math.Sqrt(sumOfSquares);
    }
}
