using ScottPlot;
using Sweep.Reports.Analysis;

namespace Sweep.Reports.Plots;

/// <summary>Each parameter's main-effect share of the objective's variance as horizontal bars, largest at the top,
/// whiskers ±1 standard deviation over the forest's trees, and a grey bottom bar for what no main effect explains.</summary>
public static class ImportancePlot
{
    public const string RestLabel = "interactions & noise";

    public static Plot Build(ImportanceInfo info)
    {
        var plot = PlotTheme.NewPlot(null, "main-effect share of objective variance (%)");
        var known = info.Parameters.Where(p => p.Share.HasValue).ToList();
        if (known.Count == 0 || info.MainEffectsTotal is not { } explained)
            return PlotTheme.WithNoDataNote(plot, info.OneAtATime
                ? "one change at a time: see the effects against the baseline"
                : "no share: too few trials or values");

        var labels = known.Select(p => p.Path).Append(RestLabel).ToArray();
        var bars = known.Select((p, i) => new Bar
        {
            Position = known.Count - i,
            Value = 100 * p.Share!.Value,
            Error = 100 * (p.ShareSpread ?? 0),
            FillColor = PlotTheme.Train,
            Orientation = Orientation.Horizontal,
        }).Append(new Bar
        {
            Position = 0,
            Value = 100 * Math.Max(0, 1 - explained),
            FillColor = PlotTheme.Neutral,
            Orientation = Orientation.Horizontal,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        plot.Axes.Left.SetTicks(bars.Select(b => b.Position).ToArray(), labels);
        plot.Axes.SetLimits(0, 100, -0.6, known.Count + 0.6);
        return plot;
    }
}
