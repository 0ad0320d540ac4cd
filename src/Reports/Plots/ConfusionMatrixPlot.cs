using ScottPlot;
using Sweep.Reports.Model;

namespace Sweep.Reports.Plots;

/// <summary>Confusion matrix coloured by row share (recall), each cell labelled with its count. Cells are vector
/// rectangles, not a heatmap: a heatmap is a bitmap of one pixel per cell that the browser blurs when it scales it.</summary>
public static class ConfusionMatrixPlot
{
    public static Plot Build(IReadOnlyList<string> classNames, int[][] counts)
    {
        var plot = PlotTheme.NewPlot(null, "predicted class", "true class");
        var size = counts.Length;
        if (size == 0) return PlotTheme.WithNoDataNote(plot, "no test predictions");

        var shares = new double[size, size];
        for (var row = 0; row < size; row++)
        {
            var total = Math.Max(1, counts[row].Sum());
            for (var column = 0; column < size; column++)
                shares[row, column] = counts[row].ElementAtOrDefault(column) / (double)total;
        }
        // ScottPlot's Blues runs dark to white; reversed, a correct prediction is dark and an empty cell white.
        var colormap = new ScottPlot.Colormaps.Blues().Reversed();
        for (var row = 0; row < size; row++)
            for (var column = 0; column < size; column++)
            {
                // The first true class goes at the top, as a confusion matrix is read.
                var y = size - 1 - row;
                var cell = plot.Add.Rectangle(column - 0.5, column + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = colormap.GetColor(shares[row, column]);
                cell.LineColor = Colors.White;
                cell.LineWidth = 1;
            }

        var showCounts = size <= 20;
        for (var row = 0; row < size && showCounts; row++)
            for (var column = 0; column < size; column++)
            {
                var label = plot.Add.Text(counts[row].ElementAtOrDefault(column).ToString(), column, size - 1 - row);
                label.Alignment = Alignment.MiddleCenter;
                label.LabelFontSize = size <= 10 ? 12 : 9;
                label.LabelFontColor = shares[row, column] > 0.5 ? Colors.White : Colors.Black;
            }

        var positions = Enumerable.Range(0, size).Select(i => (double)i).ToArray();
        var names = Enumerable.Range(0, size).Select(i => i < classNames.Count ? classNames[i] : i.ToString()).ToArray();
        plot.Axes.Bottom.SetTicks(positions, names);
        plot.Axes.Left.SetTicks(positions.Select(p => size - 1 - p).ToArray(), names);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 90;
        plot.Axes.SetLimits(-0.5, size - 0.5, -0.5, size - 0.5);
        return plot;
    }
}
