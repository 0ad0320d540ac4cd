using System.Globalization;
using ScottPlot;
using Sweep.Reports.Analysis;

namespace Sweep.Reports.Plots;

/// <summary>One vertical axis per parameter and one for the objective; each trial a line across them, coloured by
/// its objective (dark is better), the best drawn last so it lies on top.</summary>
public static class ParallelCoordinatesPlot
{
    public static Plot Build(SearchSpaceInfo info, MetricScale scale, bool maximize)
    {
        var plot = PlotTheme.NewPlot();
        if (info.Lines.Count == 0 || info.Axes.Count == 0) return PlotTheme.WithNoDataNote(plot, "no trial trained its whole budget yet");

        var objectives = info.Lines.Select(l => l.Objective).ToList();
        var (low, high) = (objectives.Min(), objectives.Max());
        double Goodness(double objective) => high > low ? (maximize ? objective - low : high - objective) / (high - low) : 1;
        var colormap = new ScottPlot.Colormaps.Viridis();
        var last = info.Axes.Count;
        var xs = Enumerable.Range(0, last + 1).Select(i => (double)i).ToArray();
        foreach (var line in info.Lines.OrderBy(l => Goodness(l.Objective)))
        {
            var ys = line.Positions.Append(high > low ? (line.Objective - low) / (high - low) : 0.5).ToArray();
            // Viridis runs dark purple to yellow; reversed, the best trials are dark and stand out on white.
            var trace = plot.Add.Scatter(xs, ys, colormap.GetColor(1 - Goodness(line.Objective)).WithAlpha(info.Lines.Count > 200 ? 0.35 : 0.7));
            trace.MarkerSize = 0;
            trace.LineWidth = 1;
        }
        for (var i = 0; i <= last; i++)
        {
            plot.Add.VerticalLine(i, 1.5f, Colors.Black);
            var (bottom, top) = i < last ? Ends(info.Axes[i]) : (Text(scale.Factor * low, scale), Text(scale.Factor * high, scale));
            Label(plot, bottom, i, 0, Alignment.UpperCenter);
            Label(plot, top, i, 1, Alignment.LowerCenter);
        }
        plot.Axes.Bottom.SetTicks(xs, info.Axes.Select(a => a.Path).Append("objective").ToArray());
        plot.Axes.Left.SetTicks([], []);
        plot.Axes.SetLimits(-0.4, last + 0.4, -0.12, 1.12);
        plot.Grid.IsVisible = false;
        return plot;
    }

    /// <summary>What the bottom and the top of a parameter's axis stand for.</summary>
    private static (string Bottom, string Top) Ends(SearchAxis axis) => axis.Kind switch
    {
        ParameterAxis.Categorical => (Shorten(axis.Categories.FirstOrDefault() ?? ""), Shorten(axis.Categories.LastOrDefault() ?? "")),
        ParameterAxis.Logarithmic => (Html.Text.Value(Math.Pow(10, axis.Low).ToString("R", CultureInfo.InvariantCulture)) + " (log)",
            Html.Text.Value(Math.Pow(10, axis.High).ToString("R", CultureInfo.InvariantCulture))),
        _ => (Html.Text.Value(axis.Low.ToString("R", CultureInfo.InvariantCulture)), Html.Text.Value(axis.High.ToString("R", CultureInfo.InvariantCulture))),
    };

    private static string Text(double value, MetricScale scale) => value.ToString(scale == MetricScale.Percent ? "0.0" : "0.###", CultureInfo.InvariantCulture);

    private static void Label(Plot plot, string text, double x, double y, Alignment alignment)
    {
        var label = plot.Add.Text(text, x, y);
        label.Alignment = alignment;
        label.LabelFontSize = 10;
        label.LabelFontColor = PlotTheme.Neutral;
        label.OffsetY = alignment == Alignment.UpperCenter ? 4 : -4;
    }

    private static string Shorten(string value) => value.Length <= 14 ? value : value[..13] + "…";
}
