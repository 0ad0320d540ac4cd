using System.Globalization;
using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

public enum ParameterAxis { Categorical, Linear, Logarithmic }

/// <param name="Numeric">The value as a number when every value of the parameter parses as one.</param>
public sealed record ValidationCurvePoint(string Value, double? Numeric, bool IsBaseline, MeanSpread Train, MeanSpread Validation);

/// <param name="OneAtATime">True when only trials varying this parameter alone (plus the baseline) were used, as
/// scikit-learn's validation curve does; false when the search varied several at once and values are marginal means.</param>
/// <param name="Binned">Points are bins of a drawn range (<see cref="ValidationCurves.RangeBins"/>), each the mean ± standard
/// deviation of the trials in it.</param>
public sealed record ValidationCurveInfo(string Path, ParameterAxis Axis, bool OneAtATime, IReadOnlyList<ValidationCurvePoint> Points,
    bool Binned = false);

/// <summary>Train and validation accuracy (last epoch) against each varied parameter's values, with seed spread.</summary>
public static class ValidationCurves
{
    /// <summary>Values spanning at least this ratio are drawn on a log axis.</summary>
    public const double LogAxisSpan = 100;

    /// <summary>A range with more distinct values than this (a random search draws a new one per trial) is shown as
    /// <see cref="RangeBins"/> equal bins on its axis's scale, each at its centre, rather than one point per trial.</summary>
    public const int MaxPoints = 12;
    public const int RangeBins = 10;

    public static IReadOnlyList<ValidationCurveInfo> Analyze(SweepInfo sweep, IEnumerable<TrialInfo> trials)
    {
        // A trial stopped early ends at another epoch than the others, so its last epoch is not comparable.
        var finished = trials.Where(t => !TrialProgress.IsUnfinished(t) && t.HadFullBudget && FinalErrors.Of(t.Epochs) is not null).ToList();
        return sweep.Parameters.Select(p => AnalyzeOne(p, sweep.BaselineValues.GetValueOrDefault(p.Path), finished)).ToList();
    }

    private static ValidationCurveInfo AnalyzeOne(SearchParameterInfo space, string? baselineValue, IReadOnlyList<TrialInfo> trials)
    {
        var path = space.Path;
        var alone = trials.Where(t => t.Round == 0 && (t.Changes.Count == 0 || t.Changes is [var only] && only.Path == path)).ToList();
        var oneAtATime = alone.Any(t => t.Changes.Count == 1);
        var used = oneAtATime ? alone : trials;
        var values = used
            .Select(t => (Value: ParameterValues.Of(t, path, baselineValue), Final: FinalErrors.Of(t.Epochs)!))
            .Where(x => x.Value is not null)
            .ToList();
        var byValue = values.GroupBy(x => x.Value!).ToList();
        if (space.IsRange && byValue.Count > MaxPoints && byValue.All(g => ParameterValues.TryNumber(g.Key) is not null))
            return Binned(space, values.Select(x => (ParameterValues.TryNumber(x.Value!)!.Value, x.Final)).ToList(), oneAtATime);

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

    private static ValidationCurveInfo Binned(SearchParameterInfo space, IReadOnlyList<(double Value, FinalErrors Final)> values, bool oneAtATime)
    {
        var axis = ChooseAxis(space, values.Select(v => v.Value).ToList());
        Func<double, double> scale = axis == ParameterAxis.Logarithmic ? Math.Log10 : v => v;
        Func<double, double> unscale = axis == ParameterAxis.Logarithmic ? v => Math.Pow(10, v) : v => v;
        var (low, high) = (values.Min(v => scale(v.Value)), values.Max(v => scale(v.Value)));
        var width = (high - low) / RangeBins;
        var points = values
            .GroupBy(v => Math.Min(RangeBins - 1, (int)((scale(v.Value) - low) / width)))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var centre = unscale(low + (g.Key + 0.5) * width);
                return new ValidationCurvePoint(centre.ToString("G3", CultureInfo.InvariantCulture), centre, false,
                    MeanSpread.Of(g.Select(x => x.Final.TrainAccuracy))!, MeanSpread.Of(g.Select(x => x.Final.ValidationAccuracy))!);
            })
            .ToList();
        return new ValidationCurveInfo(space.Path, axis, oneAtATime, points, Binned: true);
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
