using ScottPlot;
using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using Sweep.Reports.Plots;
using Sweep.Reports.Samples;

namespace Sweep.Reports.Tests.Plots;

/// <summary>Optimization history, parallel coordinates and slices render for empty, one-point, repeated and normal
/// data; the PNGs are saved under TestResults/plots. The confusion matrix is vector cells, not a bitmap.</summary>
public class SearchPlotRenderTests
{
    private static readonly string OutputDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults", "plots");
    private static readonly ReportInput Large = SyntheticEarlyStopping.Asha(SyntheticReportInput.Large(120, 15), 1, 3);

    public enum Data { Empty, OnePoint, Repeated, Normal }

    private static void Render(Plot plot, string name)
    {
        var svg = SvgEmbedding.Inline(plot, 600, 400, "t-", name);
        Assert.StartsWith("<svg", svg);
        Directory.CreateDirectory(OutputDirectory);
        var path = Path.Combine(OutputDirectory, name + ".png");
        plot.SavePng(path, 600, 400);
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is nearly empty");
    }

    private static IReadOnlyList<TrialInfo> Trials(Data data) => data switch
    {
        Data.Empty => [],
        Data.OnePoint => Large.Trials.Where(t => t.HadFullBudget && t.Objective.HasValue).Take(1).ToList(),
        Data.Repeated => Enumerable.Range(0, 5).Select(i => Large.Trials.First(t => t.HadFullBudget && t.Objective.HasValue) with { Index = i }).ToList(),
        _ => Large.Trials,
    };

    [Theory]
    [InlineData(Data.Empty)]
    [InlineData(Data.OnePoint)]
    [InlineData(Data.Repeated)]
    [InlineData(Data.Normal)]
    public void History(Data data)
    {
        var info = OptimizationHistory.Analyze(Trials(data), Large.Sweep.CreatedAt, maximize: true);
        Render(OptimizationHistoryPlot.Build(info, MetricScale.Percent, byTime: false), $"history-trials-{data}");
        Render(OptimizationHistoryPlot.Build(info, MetricScale.Percent, byTime: true), $"history-time-{data}");
    }

    [Theory]
    [InlineData(Data.Empty)]
    [InlineData(Data.OnePoint)]
    [InlineData(Data.Repeated)]
    [InlineData(Data.Normal)]
    public void ParallelCoordinatesAndSlices(Data data)
    {
        var info = SearchSpaceView.Analyze(Large.Sweep, Trials(data));
        Render(ParallelCoordinatesPlot.Build(info, MetricScale.Percent, maximize: true), $"parallel-{data}");
        foreach (var slice in info.Slices) Render(SlicePlot.Build(slice, MetricScale.Percent), $"slice-{data}-{slice.Axis.Path}");
        if (data == Data.Empty) Assert.Empty(info.Lines);
    }

    [Fact]
    public void ConfusionMatrix_IsDrawnAsVectorCells()
    {
        var svg = SvgEmbedding.Inline(ConfusionMatrixPlot.Build(["a", "b", "c"], [[5, 1, 0], [0, 6, 0], [1, 1, 4]]), 400, 400, "c-", "m");
        Assert.DoesNotContain("<image", svg);
        Assert.True(System.Text.RegularExpressions.Regex.Matches(svg, "<(rect|path)").Count >= 9);
    }

    [Fact]
    public void PercentBand_StaysWithinZeroAndOne()
    {
        Assert.Equal((0.01, 0.03), PercentBand.Within(0.99, 0.03), new Tolerance());
        Assert.Equal((0.03, 0.01), PercentBand.Within(0.01, 0.03), new Tolerance());
        Assert.Equal((0.02, 0.02), PercentBand.Within(0.5, 0.02), new Tolerance());
    }

    [Fact]
    public void SvgNumbers_AreCutToHundredths_TextIsLeftAlone()
    {
        var plot = PlotTheme.NewPlot(null, "x 0.000123456");
        plot.Add.Scatter(new[] { 0.1234567, 0.7654321 }, new[] { 0.3333333, 0.6666667 });
        var svg = SvgEmbedding.Inline(plot, 333, 217, "s-", "n");
        Assert.DoesNotMatch(@"=""[^""]*\d\.\d{3,}", svg);
        Assert.Contains("0.000123456", svg);
    }

    private sealed class Tolerance : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12;
        public int GetHashCode((double, double) obj) => 0;
    }
}
