using System.Globalization;
using System.Net;
using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using Sweep.Reports.Plots;

namespace Sweep.Reports.Html;

/// <summary>Escaping and number formatting for the page. Everything from specs or data goes through <see cref="E"/>.</summary>
public static class Text
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public const string Missing = "—";

    /// <summary>An objective value in the metric's own unit: accuracies as "91.23 %", losses as "0.2876".</summary>
    public static string Metric(double? value, MetricScale scale) => value is not { } v || !double.IsFinite(v)
        ? Missing
        : scale == MetricScale.Percent ? (100 * v).ToString("0.00", Invariant) + " %" : v.ToString("0.0000", Invariant);

    public static string MetricSpread(MeanSpread? value, MetricScale scale)
    {
        if (value is null) return Missing;
        var mean = Metric(value.Mean, scale);
        if (value.StandardDeviation is not { } sd) return mean;
        var spread = scale == MetricScale.Percent ? (100 * sd).ToString("0.00", Invariant) : sd.ToString("0.0000", Invariant);
        return $"{mean} ± {spread}";
    }

    /// <summary>A difference of metric values: "+1.20 points" for accuracies, "−0.0123" for losses.</summary>
    public static string Delta(double? delta, MetricScale scale)
    {
        if (delta is not { } d || !double.IsFinite(d)) return Missing;
        var text = scale == MetricScale.Percent ? (100 * d).ToString("+0.00;−0.00;0.00", Invariant) + " pts" : d.ToString("+0.0000;−0.0000;0.0000", Invariant);
        return text;
    }

    /// <summary>A fraction of accuracy as percentage points: 0.091 → "9.1".</summary>
    public static string Points(double? fraction) =>
        fraction is { } f && double.IsFinite(f) ? (100 * f).ToString("0.0", Invariant) : Missing;

    public static string Percent(double? fraction, string format = "0.0") =>
        fraction is { } f && double.IsFinite(f) ? (100 * f).ToString(format, Invariant) + " %" : Missing;

    public static string Number(double? value, string format = "0.000") =>
        value is { } v ? v switch
        {
            double.NaN => "NaN",
            double.PositiveInfinity => "∞",
            double.NegativeInfinity => "−∞",
            _ => v.ToString(format, Invariant),
        } : Missing;

    public static string Count(long? value) => value is { } v ? v.ToString("N0", Invariant) : Missing;

    /// <summary>Machine-readable value for the sort script: an invariant number to 6 significant digits (finer than
    /// any figure the page shows, and no 17-digit noise), or empty to sort last.</summary>
    public static string SortKey(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.#####E+0", Invariant) : "";

    public static string Duration(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0) return Missing;
        if (seconds < 60) return seconds.ToString("0.0", Invariant) + " s";
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalHours >= 1
            ? $"{(int)span.TotalHours} h {span.Minutes:00} min"
            : $"{span.Minutes} min {span.Seconds:00} s";
    }

    public static string Change(ChangeInfo change) => $"{change.Path}: {Value(change.BaselineValue)} → {Value(change.Value)}";

    /// <summary>A parameter's value as a reader wants it: a drawn number such as 0.00012345678901234567 as
    /// "1.235e-4", 0.123456789 as "0.1235"; whole numbers, text and lists as written.</summary>
    public static string Value(string flowText)
    {
        if (ParameterValues.TryNumber(flowText) is not { } number || number == Math.Round(number) && Math.Abs(number) < 1e6)
            return flowText;
        var magnitude = Math.Abs(number);
        return magnitude is >= 0.01 and < 1e5
            ? number.ToString("G4", Invariant)
            : number.ToString("0.###e+0", Invariant);
    }

    /// <summary>What a configuration is, in words: "baseline", one change, or the varied values.</summary>
    public static string Configuration(ConfigGroup config) => config.Changes.Count == 0
        ? (config.Round > 0 ? $"baseline of round {config.Round}" : "baseline")
        : config.Changes.Count == 1
            ? Change(config.Changes[0])
            : string.Join("; ", config.Changes.Select(c => $"{c.Path} = {Value(c.Value)}"));

    public static string Badge(DiagnosisKind kind) => $"<span class=\"badge d-{kind.Slug()}\">{E(kind.Label())}</span>";

    public static string StateBadge(string state) => $"<span class=\"state s-{E(state)}\">{E(state)}</span>";

    public static string Plural(int count, string noun) => $"{count.ToString("N0", Invariant)} {noun}{(count == 1 ? "" : "s")}";
}
