using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>How a parameter's values become an input of the forest, and so what "uniform over its domain" means.</summary>
public enum ParameterScale
{
    /// <summary>Numbers with mostly unique values (sampled from a range): the interval between the observed extremes.</summary>
    Linear,
    /// <summary>Like <see cref="Linear"/> for positive numbers spanning ≥ <see cref="ValidationCurves.LogAxisSpan"/>×
    /// that look uniform in log space rather than in linear space: measured in log space, as a log-uniform range is
    /// sampled.</summary>
    Logarithmic,
    /// <summary>Numbers that repeat (a list or grid): ordered, each value counting equally.</summary>
    Levels,
    /// <summary>Text and booleans: unordered categories, each counting equally.</summary>
    Categories,
}

/// <param name="Domain">Null when the parameter cannot be an input: fewer than 2 values, or more categories than
/// <see cref="FeatureDomain.MaxCategories"/>.</param>
/// <param name="Inputs">One per trial, on the domain's scale.</param>
public sealed record EncodedParameter(string Path, ParameterScale Scale, int DistinctValues, FeatureDomain? Domain,
    double[] Inputs);

public static class ParameterEncoding
{
    /// <param name="values">The parameter's value in each trial, as YAML flow text; null where unset.</param>
    /// <param name="space">How the spec draws the parameter, when known: a range is measured over the spec's bounds
    /// on the spec's scale; listed values are read from the values.</param>
    public static EncodedParameter Encode(string path, IReadOnlyList<string?> values, SearchParameterInfo? space = null)
    {
        var numbers = values.Select(v => v is null ? null : ParameterValues.TryNumber(v)).ToList();
        return numbers.All(n => n.HasValue)
            ? Numeric(path, numbers.Select(n => n!.Value).ToArray(), space)
            : Categorical(path, values);
    }

    private static EncodedParameter Numeric(string path, double[] numbers, SearchParameterInfo? space)
    {
        var distinct = numbers.Distinct().Order().ToArray();
        if (distinct.Length < 2) return new EncodedParameter(path, ParameterScale.Linear, distinct.Length, null, numbers);
        if (space is { IsRange: true, Low: { } low, High: { } high } && (!space.IsLogarithmic || distinct[0] > 0 && low > 0))
            return Range(path, numbers, distinct.Length, space.IsLogarithmic, low, high);
        if (2 * distinct.Length <= numbers.Length)
        {
            // Ranks, so each listed value gets an equal cell whatever the spacing: [−½, n − ½] around 0 … n − 1.
            var ranks = numbers.Select(n => (double)Array.BinarySearch(distinct, n)).ToArray();
            return new EncodedParameter(path, ParameterScale.Levels, distinct.Length,
                FeatureDomain.Interval(-0.5, distinct.Length - 0.5), ranks);
        }
        var logarithmic = distinct[0] > 0 && distinct[^1] / distinct[0] >= ValidationCurves.LogAxisSpan
            && DistanceFromUniform(distinct.Select(Math.Log10).ToArray()) < DistanceFromUniform(distinct);
        var inputs = logarithmic ? numbers.Select(Math.Log10).ToArray() : numbers;
        return new EncodedParameter(path, logarithmic ? ParameterScale.Logarithmic : ParameterScale.Linear,
            distinct.Length, FeatureDomain.Interval(inputs.Min(), inputs.Max()), inputs);
    }

    private static EncodedParameter Range(string path, double[] numbers, int distinct, bool logarithmic, double low, double high)
    {
        Func<double, double> scale = logarithmic ? Math.Log10 : v => v;
        var inputs = numbers.Select(scale).ToArray();
        var domain = FeatureDomain.Interval(Math.Min(scale(low), inputs.Min()), Math.Max(scale(high), inputs.Max()));
        return new EncodedParameter(path, logarithmic ? ParameterScale.Logarithmic : ParameterScale.Linear, distinct, domain, inputs);
    }

    /// <summary>Kolmogorov–Smirnov distance between sorted values and the uniform distribution between their
    /// extremes. Listed values do not say how they were chosen; a sample from a uniform range spans many
    /// decades too once its low end is near 0, so only the scale on which the values look uniform tells.</summary>
    private static double DistanceFromUniform(double[] sorted)
    {
        var (low, width, n) = (sorted[0], sorted[^1] - sorted[0], sorted.Length);
        return sorted.Select(v => (v - low) / width)
            .Select((u, i) => Math.Max((i + 1.0) / n - u, u - (double)i / n))
            .Max();
    }

    private static EncodedParameter Categorical(string path, IReadOnlyList<string?> values)
    {
        var categories = values.Select(v => v ?? "").Distinct().Order(StringComparer.Ordinal).ToList();
        var inputs = values.Select(v => (double)categories.IndexOf(v ?? "")).ToArray();
        var usable = categories.Count is >= 2 and <= FeatureDomain.MaxCategories;
        return new EncodedParameter(path, ParameterScale.Categories, categories.Count,
            usable ? FeatureDomain.Categories(categories.Count) : null, inputs);
    }
}
