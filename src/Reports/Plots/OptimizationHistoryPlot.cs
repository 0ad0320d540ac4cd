using ScottPlot;
using Sweep.Reports.Analysis;

namespace Sweep.Reports.Plots;

/// <summary>Each trial's objective against its number or its finish time, trials stopped early in grey, and the best
/// so far as a step line.</summary>
public static class OptimizationHistoryPlot
{
    public static Plot Build(OptimizationHistoryInfo info, MetricScale scale, bool byTime)
    {
        var unit = scale == MetricScale.Percent ? " (%)" : "";
        var plot = PlotTheme.NewPlot(null, byTime ? "minutes since the sweep started" : "trial number", "objective" + unit);
        var points = info.Points.Where(p => !byTime || p.Minutes.HasValue).ToList();
        if (points.Count == 0) return PlotTheme.WithNoDataNote(plot, byTime ? "no finished trial has an objective yet" : "no trial has an objective yet");

        double X(HistoryPoint p) => byTime ? p.Minutes!.Value : p.TrialIndex;
        var size = points.Count > 300 ? 4 : 6;
        foreach (var (full, color, label) in new[] { (true, PlotTheme.Train, "trained its whole budget"), (false, PlotTheme.Neutral, "stopped early") })
        {
            var group = points.Where(p => p.FullBudget == full).ToList();
            if (group.Count == 0) continue;
            var marks = plot.Add.ScatterPoints(group.Select(X).ToArray(), group.Select(p => scale.Factor * p.Objective).ToArray(), color.WithAlpha(0.6));
            marks.MarkerSize = size;
            marks.LegendText = label;
        }
        var steps = byTime ? info.BestByTime : info.BestByTrial;
        if (steps.Count > 0)
        {
            // The line runs on to the last trial, so a best found early is seen to have held.
            var xs = steps.Select(s => s.X).Append(points.Max(X)).ToArray();
            var ys = steps.Select(s => scale.Factor * s.Best).Append(scale.Factor * steps[^1].Best).ToArray();
            var best = plot.Add.Scatter(xs, ys, PlotTheme.Better);
            best.ConnectStyle = ConnectStyle.StepHorizontal;
            best.LineWidth = 2;
            best.MarkerSize = 0;
            best.LegendText = "best so far";
        }
        if (points.Select(X).Distinct().Count() == 1) plot.Axes.SetLimitsX(X(points[0]) - 1, X(points[0]) + 1);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
