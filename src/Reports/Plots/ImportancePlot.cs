using ScottPlot;
using Sweep.Reports.Analysis;

namespace Sweep.Reports.Plots;

/// <summary>Share of the objective's variance each parameter explains, as horizontal bars, largest at the top.</summary>
public static class ImportancePlot
{
    public static Plot Build(ImportanceInfo info)
    {
        var plot = PlotTheme.NewPlot(null, "share of objective variance (%)");
        var known = info.Parameters.Where(p => p.Share.HasValue).ToList();
        if (known.Count == 0) return PlotTheme.WithNoDataNote(plot, "no parameter has two values with results");

        var bars = known.Select((p, i) => new Bar
        {
            Position = known.Count - 1 - i,
            Value = 100 * p.Share!.Value,
            FillColor = PlotTheme.Train,
            Orientation = Orientation.Horizontal,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        plot.Axes.Left.SetTicks(bars.Select(b => b.Position).ToArray(), known.Select(p => p.Path).ToArray());
        plot.Axes.SetLimits(0, 100, -0.6, known.Count - 0.4);
        return plot;
    }
}
