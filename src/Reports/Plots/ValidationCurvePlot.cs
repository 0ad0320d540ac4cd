using System.Globalization;
using ScottPlot;
using Sweep.Reports.Analysis;

namespace Sweep.Reports.Plots;

/// <summary>scikit-learn's validation curve: train and validation accuracy against one parameter's values, with
/// ±1 standard deviation over seeds; categorical or logarithmic axes where the values call for it.</summary>
public static class ValidationCurvePlot
{
    public static Plot Build(ValidationCurveInfo info)
    {
        var plot = PlotTheme.NewPlot(null, info.Path + (info.Axis == ParameterAxis.Logarithmic ? " (log scale)" : ""), "accuracy (%)");
        if (info.Points.Count == 0) return PlotTheme.WithNoDataNote(plot, "no finished trial varies this parameter");

        var xs = info.Points.Select((p, i) => info.Axis switch
        {
            ParameterAxis.Categorical => i,
            ParameterAxis.Logarithmic => Math.Log10(p.Numeric!.Value),
            _ => p.Numeric!.Value,
        }).ToArray();
        var joined = info.Axis != ParameterAxis.Categorical;
        AddSeries(plot, xs, info.Points.Select(p => p.Train).ToList(), PlotTheme.Train, "train", joined);
        AddSeries(plot, xs, info.Points.Select(p => p.Validation).ToList(), PlotTheme.Validation, "validation", joined);

        var baselineIndex = info.Points.ToList().FindIndex(p => p.IsBaseline);
        if (baselineIndex >= 0)
            plot.Add.VerticalLine(xs[baselineIndex], 1, PlotTheme.Neutral, LinePattern.Dotted).LegendText = "baseline";

        if (info.Axis == ParameterAxis.Categorical)
        {
            plot.Axes.Bottom.SetTicks(xs, info.Points.Select(p => Shorten(Html.Text.Value(p.Value))).ToArray());
            plot.Axes.SetLimitsX(-0.5, xs.Length - 0.5);
        }
        else if (info.Axis == ParameterAxis.Logarithmic)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = exponent => Math.Pow(10, exponent).ToString("G3", CultureInfo.InvariantCulture),
            };
        }
        if (xs.Length == 1 && info.Axis != ParameterAxis.Categorical)
            plot.Axes.SetLimitsX(xs[0] - 1, xs[0] + 1);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <param name="joined">Categories have no order between them, so their points are not joined by lines.</param>
    private static void AddSeries(Plot plot, double[] xs, IReadOnlyList<MeanSpread> values, Color color, string label, bool joined)
    {
        var ys = values.Select(v => 100 * v.Mean).ToArray();
        var line = plot.Add.Scatter(xs, ys, color);
        line.LineWidth = joined ? 2 : 0;
        line.MarkerSize = 7;
        line.LegendText = label;
        var bands = values.Select(v => PercentBand.Within(v.Mean, v.StandardDeviation ?? 0)).ToList();
        var bars = plot.Add.ErrorBar(xs, ys, bands.Select(b => 100 * b.Up).ToArray());
        bars.YErrorPositive = bands.Select(b => 100 * b.Up).ToArray();
        bars.YErrorNegative = bands.Select(b => 100 * b.Down).ToArray();
        bars.Color = color;
        bars.LineWidth = 1.5f;
    }

    private static string Shorten(string value) => value.Length <= 18 ? value : value[..17] + "…";
}
