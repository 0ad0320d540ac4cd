using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>Where a parameter's values sit on a plot axis: categories at 0, 1, …; numbers on the spec's scale (log10
/// for a log-uniform range, or for listed positive numbers spanning decades).</summary>
/// <param name="Low">The axis's start on its own scale: a range's bound, or the smallest value seen.</param>
public sealed record SearchAxis(string Path, ParameterAxis Kind, IReadOnlyList<string> Categories, double Low, double High)
{
    public double Position(string value) => Kind switch
    {
        ParameterAxis.Categorical => Math.Max(0, Categories.ToList().IndexOf(value)),
        ParameterAxis.Logarithmic => Math.Log10(ParameterValues.TryNumber(value)!.Value),
        _ => ParameterValues.TryNumber(value)!.Value,
    };

    /// <summary>0 at <see cref="Low"/>, 1 at <see cref="High"/>; 0.5 when the axis has one value.</summary>
    public double Normalized(string value) => High > Low ? (Position(value) - Low) / (High - Low) : 0.5;

    public static SearchAxis For(SearchParameterInfo space, IReadOnlyList<string> values)
    {
        var numbers = values.Select(ParameterValues.TryNumber).ToList();
        if (values.Count == 0 || numbers.Any(n => n is null))
        {
            var categories = values.Distinct().Order(StringComparer.Ordinal).ToList();
            return new SearchAxis(space.Path, ParameterAxis.Categorical, categories, 0, Math.Max(0, categories.Count - 1));
        }
        var kind = ValidationCurves.ChooseAxis(space, numbers.Select(n => n!.Value).Distinct().ToList());
        Func<double, double> scale = kind == ParameterAxis.Logarithmic ? Math.Log10 : v => v;
        var seen = numbers.Select(n => scale(n!.Value)).ToList();
        var low = space is { IsRange: true, Low: { } l } && (kind != ParameterAxis.Logarithmic || l > 0) ? Math.Min(scale(l), seen.Min()) : seen.Min();
        var high = space is { IsRange: true, High: { } h } && (kind != ParameterAxis.Logarithmic || h > 0) ? Math.Max(scale(h), seen.Max()) : seen.Max();
        return new SearchAxis(space.Path, kind, [], low, high);
    }
}
