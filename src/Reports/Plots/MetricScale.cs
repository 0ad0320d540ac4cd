namespace Sweep.Reports.Plots;

/// <summary>How a metric is shown: accuracies and errors as percentages, losses as they are.</summary>
public sealed record MetricScale(double Factor, string Unit)
{
    public static MetricScale For(string metric) =>
        metric.Contains("acc", StringComparison.OrdinalIgnoreCase) || metric.Contains("error", StringComparison.OrdinalIgnoreCase)
            ? Percent
            : Raw;

    public static readonly MetricScale Percent = new(100, "%");
    public static readonly MetricScale Raw = new(1, "");
}
