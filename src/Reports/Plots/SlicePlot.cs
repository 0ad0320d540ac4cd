using System.Globalization;
using ScottPlot;
using Sweep.Reports.Analysis;

namespace Sweep.Reports.Plots;

/// <summary>Optuna's slice plot: every trial's objective against one parameter's value, on the parameter's own
/// scale; categories as separate columns, never joined.</summary>
public static class SlicePlot
{
    public static Plot Build(SliceInfo slice, MetricScale scale)
    {
        var axis = slice.Axis;
        var unit = scale == MetricScale.Percent ? " (%)" : "";
        var plot = PlotTheme.NewPlot(null, axis.Path + (axis.Kind == ParameterAxis.Logarithmic ? " (log scale)" : ""), "objective" + unit);
        if (slice.Points.Count == 0) return PlotTheme.WithNoDataNote(plot, "no trial trained its whole budget yet");

        var marks = plot.Add.ScatterPoints(slice.Points.Select(p => p.Position).ToArray(),
            slice.Points.Select(p => scale.Factor * p.Objective).ToArray(), PlotTheme.Train.WithAlpha(0.5));
        marks.MarkerSize = slice.Points.Count > 300 ? 4 : 6;
        switch (axis.Kind)
        {
            case ParameterAxis.Categorical:
                plot.Axes.Bottom.SetTicks(axis.Categories.Select((_, i) => (double)i).ToArray(),
                    axis.Categories.Select(c => c.Length <= 14 ? c : c[..13] + "…").ToArray());
                plot.Axes.SetLimitsX(-0.5, axis.Categories.Count - 0.5);
                break;
            case ParameterAxis.Logarithmic:
                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
                {
                    IntegerTicksOnly = true,
                    MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                    LabelFormatter = exponent => Math.Pow(10, exponent).ToString("G3", CultureInfo.InvariantCulture),
                };
                break;
        }
        if (axis.Kind != ParameterAxis.Categorical)
        {
            var (low, high) = axis.High > axis.Low ? (axis.Low, axis.High) : (axis.Low - 1, axis.Low + 1);
            var margin = 0.04 * (high - low);
            plot.Axes.SetLimitsX(low - margin, high + margin);
        }
        return plot;
    }
}
