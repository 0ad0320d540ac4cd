using System.Globalization;
using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

public enum ParameterAxis { Categorical, Linear, Logarithmic }

/// <param name="Numeric">The value as a number when every value of the parameter parses as one.</param>
public sealed record ValidationCurvePoint(string Value, double? Numeric, bool IsBaseline, MeanSpread Train, MeanSpread Validation);

/// <param name="OneAtATime">True when only trials varying this parameter alone (plus the baseline) were used, as
/// scikit-learn's validation curve does; false when the search varied several at once and values are marginal means.</param>
public sealed record ValidationCurveInfo(string Path, ParameterAxis Axis, bool OneAtATime, IReadOnlyList<ValidationCurvePoint> Points);

/// <summary>Train and validation accuracy (last epoch) against each varied parameter's values, with seed spread.</summary>
public static class ValidationCurves
{
    /// <summary>Values spanning at least this ratio are drawn on a log axis.</summary>
    public const double LogAxisSpan = 100;

    public static IReadOnlyList<ValidationCurveInfo> Analyze(SweepInfo sweep, IEnumerable<TrialInfo> trials)
    {
        var finished = trials.Where(t => !TrialProgress.IsUnfinished(t) && FinalErrors.Of(t.Epochs) is not null).ToList();
        return sweep.Parameters.Select(p => AnalyzeOne(p, sweep.BaselineValues.GetValueOrDefault(p.Path), finished)).ToList();
    }

    private static ValidationCurveInfo AnalyzeOne(SearchParameterInfo space, string? baselineValue, IReadOnlyList<TrialInfo> trials)
    {
        var path = space.Path;
        var alone = trials.Where(t => t.Round == 0 && (t.Changes.Count == 0 || t.Changes is [var only] && only.Path == path)).ToList();
        var oneAtATime = alone.Any(t => t.Changes.Count == 1);
        var used = oneAtATime ? alone : trials;
        var byValue = used
            .Select(t => (Value: ParameterValues.Of(t, path, baselineValue), Final: FinalErrors.Of(t.Epochs)!))
            .Where(x => x.Value is not null)
            .GroupBy(x => x.Value!)
            .ToList();

        var numbers = byValue.Select(g => ParameterValues.TryNumber(g.Key)).ToList();
        var allNumeric = numbers.Count > 0 && numbers.All(n => n.HasValue);
        var points = byValue.Select((g, i) => new ValidationCurvePoint(
                g.Key,
                allNumeric ? numbers[i] : null,
                g.Key == baselineValue,
                MeanSpread.Of(g.Select(x => x.Final.TrainAccuracy))!,
                MeanSpread.Of(g.Select(x => x.Final.ValidationAccuracy))!))
            .ToList();
        var ordered = allNumeric
            ? points.OrderBy(p => p.Numeric).ToList()
            : points.OrderByDescending(p => p.IsBaseline).ToList();
        return new ValidationCurveInfo(path, ChooseAxis(space, allNumeric ? ordered.Select(p => p.Numeric!.Value).ToList() : null), oneAtATime, ordered);
    }

    /// <summary>A range is drawn on the spec's own scale: log only when the spec draws it log-uniformly. Listed
    /// numbers go on a log axis when they span decades, as such lists (1e-4, 1e-3, 1e-2) usually do.</summary>
    /// <param name="values">The values as numbers; null when some value is not a number.</param>
    public static ParameterAxis ChooseAxis(SearchParameterInfo space, IReadOnlyList<double>? values)
    {
        if (values is null) return ParameterAxis.Categorical;
        if (space.IsRange)
            return space.IsLogarithmic && values.All(v => v > 0) ? ParameterAxis.Logarithmic : ParameterAxis.Linear;
        var spansDecades = values.Count > 1 && values.All(v => v > 0) && values.Max() / values.Min() >= LogAxisSpan;
        return spansDecades ? ParameterAxis.Logarithmic : ParameterAxis.Linear;
    }
}

public static class ParameterValues
{
    /// <summary>The value a trial uses for <paramref name="path"/>: its change, else the baseline's.</summary>
    public static string? Of(TrialInfo trial, string path, string? baselineValue) =>
        trial.Changes.FirstOrDefault(c => c.Path == path)?.Value ?? baselineValue;

    public static double? TryNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;
}
