using ScottPlot;
using Sweep.Reports.Analysis;
using Sweep.Reports.Model;

namespace Sweep.Reports.Plots;

public enum CurveMetric { Loss, Accuracy }

/// <summary>Train and validation curves of one trial, with the overfitting onset or divergence marked.</summary>
public static class LearningCurvePlot
{
    public static Plot Build(IReadOnlyList<EpochInfo> epochs, CurveMetric metric, CurveDiagnosis? diagnosis,
        string? title, bool compact = false)
    {
        var yLabel = metric == CurveMetric.Loss ? "loss" : "accuracy (%)";
        var plot = compact ? PlotTheme.NewPlot(title) : PlotTheme.NewPlot(title, "epoch", yLabel);
        var train = Series(epochs, e => metric == CurveMetric.Loss ? e.TrainEvalLoss : e.TrainEvalAccuracy, metric);
        var running = Series(epochs, e => metric == CurveMetric.Loss ? e.TrainLoss : e.TrainAccuracy, metric);
        var validation = Series(epochs, e => metric == CurveMetric.Loss ? e.ValLoss : e.ValAccuracy, metric);
        if (train.Xs.Length == 0 && running.Xs.Length == 0 && validation.Xs.Length == 0)
            return PlotTheme.WithNoDataNote(plot, epochs.Count == 0 ? "no epochs yet" : "no finite values");

        AddLine(plot, train, PlotTheme.Train, "train (eval mode)", compact);
        // Faint and thin rather than dotted: a dotted polyline makes SkiaSharp print "Unsupported path effect" per plot.
        var runningLine = AddLine(plot, running, PlotTheme.Train.WithAlpha(110), "train (running mean)", compact);
        if (runningLine is not null)
            runningLine.LineWidth = 1;
        AddLine(plot, validation, PlotTheme.Validation, "validation", compact);
        if (diagnosis?.OnsetEpoch is { } onset)
        {
            var line = plot.Add.VerticalLine(onset, 1, PlotTheme.Worse, LinePattern.Dashed);
            if (!compact) line.LegendText = $"onset (epoch {onset})";
        }
        if (diagnosis?.NonFiniteEpoch is { } bad)
        {
            var line = plot.Add.VerticalLine(bad, 1, PlotTheme.For(DiagnosisKind.Diverged), LinePattern.Dotted);
            if (!compact) line.LegendText = $"non-finite loss (epoch {bad})";
        }
        if (compact)
        {
            plot.Axes.Bottom.TickLabelStyle.FontSize = 9;
            plot.Axes.Left.TickLabelStyle.FontSize = 9;
        }
        else plot.ShowLegend(metric == CurveMetric.Loss ? Alignment.UpperRight : Alignment.LowerRight);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return plot;
    }

    private static ScottPlot.Plottables.Scatter? AddLine(Plot plot, (double[] Xs, double[] Ys) series, Color color,
        string label, bool compact)
    {
        if (series.Xs.Length == 0) return null;
        var scatter = plot.Add.Scatter(series.Xs, series.Ys, color);
        scatter.LineWidth = compact ? 1.5f : 2;
        // A single epoch has no line to draw, so it is a marker even in a thumbnail.
        scatter.MarkerSize = series.Xs.Length == 1 ? 6 : compact || series.Xs.Length > 30 ? 0 : 4;
        if (!compact) scatter.LegendText = label;
        return scatter;
    }

    private static (double[] Xs, double[] Ys) Series(IReadOnlyList<EpochInfo> epochs, Func<EpochInfo, double?> value,
        CurveMetric metric)
    {
        var points = epochs
            .Select(e => (X: (double)e.Epoch, Y: value(e) is { } y ? (metric == CurveMetric.Loss ? y : 100 * y) : double.NaN))
            .Where(p => double.IsFinite(p.Y))
            .ToArray();
        return (points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
    }
}
