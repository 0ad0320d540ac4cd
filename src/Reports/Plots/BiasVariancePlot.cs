using ScottPlot;
using Sweep.Reports.Analysis;

namespace Sweep.Reports.Plots;

/// <summary>Every trial by training error (bias, x) and generalization gap (variance, y), regions shaded and named.</summary>
public static class BiasVariancePlot
{
    public static Plot Build(BiasVarianceInfo info)
    {
        var plot = PlotTheme.NewPlot(null, "training error (%) — bias", "validation − training error (points) — variance");
        var biasLine = 100 * info.HighBiasTrainError;
        var gapLine = 100 * info.HighVarianceGap;
        var xs = info.Points.Select(p => 100 * p.TrainError).ToList();
        var ys = info.Points.Select(p => 100 * p.Gap).ToList();
        var right = Math.Max(biasLine * 1.6, xs.DefaultIfEmpty(0).Max() * 1.08);
        var bottom = Math.Min(-1, ys.DefaultIfEmpty(0).Min() * 1.1);
        var top = Math.Max(gapLine * 1.6, ys.DefaultIfEmpty(0).Max() * 1.08);

        Region(plot, 0, biasLine, bottom, gapLine, PlotTheme.For(DiagnosisKind.Healthy), "good fit");
        Region(plot, 0, biasLine, gapLine, top, PlotTheme.For(DiagnosisKind.HighVariance), "high variance");
        Region(plot, biasLine, right, bottom, top, PlotTheme.For(DiagnosisKind.HighBias), "high bias");

        foreach (var group in info.Points.GroupBy(p => p.Kind).OrderBy(g => g.Key))
        {
            var points = plot.Add.ScatterPoints(
                group.Select(p => 100 * p.TrainError).ToArray(), group.Select(p => 100 * p.Gap).ToArray(), PlotTheme.For(group.Key));
            points.MarkerSize = info.Points.Count > 200 ? 5 : 8;
            points.LegendText = $"{group.Key.Label()} ({group.Count()})";
        }
        if (info.Points.Count == 0)
        {
            var note = plot.Add.Text("no trial has finished an epoch yet", right / 2, (top + bottom) / 2);
            note.Alignment = Alignment.MiddleCenter;
            note.LabelFontColor = PlotTheme.Neutral;
        }
        else plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimits(0, right, bottom, top);
        return plot;
    }

    private static void Region(Plot plot, double left, double right, double bottom, double top, Color color, string name)
    {
        var rectangle = plot.Add.Rectangle(left, right, bottom, top);
        rectangle.FillColor = color.WithAlpha(0.07);
        rectangle.LineWidth = 0;
        var label = plot.Add.Text(name, left, top);
        label.Alignment = Alignment.UpperLeft;
        label.LabelFontColor = color;
        label.LabelFontSize = 12;
        label.LabelBold = true;
        label.OffsetX = 4;
        label.OffsetY = 4;
    }
}
