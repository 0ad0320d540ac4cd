using ScottPlot;
using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using Sweep.Reports.Plots;
using Sweep.Reports.Samples;

namespace Sweep.Reports.Tests.Plots;

/// <summary>Every plot renders for empty, one-point and normal data, to SVG and PNG; the PNGs are saved under
/// TestResults/plots for a person to look at.</summary>
public class PlotRenderTests
{
    private static readonly string OutputDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults", "plots");
    private static readonly DiagnosisThresholds Thresholds = DiagnosisThresholds.Default;
    private static readonly ReportInput Ofat = SyntheticReportInput.Ofat();
    private static readonly ReportInput Large = SyntheticReportInput.Large(60, 8);

    public enum Data { Empty, OnePoint, Normal }

    private static void Render(Plot plot, string name)
    {
        var svg = SvgEmbedding.Inline(plot, 600, 400, "t-", name);
        Assert.StartsWith("<svg", svg);
        Assert.Contains("viewBox=\"0 0 600 400\"", svg);
        Directory.CreateDirectory(OutputDirectory);
        var path = Path.Combine(OutputDirectory, name + ".png");
        plot.SavePng(path, 600, 400);
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is nearly empty");
    }

    private static IReadOnlyList<EpochInfo> Epochs(Data data) => data switch
    {
        Data.Empty => [],
        Data.OnePoint => [new EpochInfo(1, 1.2, 0.6, 1.3, 0.58, 1e-3, 1, 1.1, 0.62)],
        _ => SyntheticCurves.Generate(new CurveShape(20, 0.02, 0.08, OverfitOnset: 7, Noise: 0.02), 3),
    };

    [Theory]
    [InlineData(Data.Empty)]
    [InlineData(Data.OnePoint)]
    [InlineData(Data.Normal)]
    public void LearningCurves(Data data)
    {
        var epochs = Epochs(data);
        var diagnosis = CurveDiagnoser.Diagnose(epochs, false, Thresholds);
        Render(LearningCurvePlot.Build(epochs, CurveMetric.Loss, diagnosis, "loss"), $"learning-loss-{data}");
        Render(LearningCurvePlot.Build(epochs, CurveMetric.Accuracy, diagnosis, "accuracy"), $"learning-accuracy-{data}");
        Render(LearningCurvePlot.Build(epochs, CurveMetric.Loss, diagnosis, null, compact: true), $"learning-small-{data}");
    }

    [Fact]
    public void LearningCurves_DivergedTrialDrawsOnlyFiniteEpochs()
    {
        var epochs = SyntheticCurves.Generate(new CurveShape(10, 0.1, 0.02, DivergeAt: 4), 1);
        Render(LearningCurvePlot.Build(epochs, CurveMetric.Loss, CurveDiagnoser.Diagnose(epochs, true, Thresholds), "diverged"), "learning-diverged");
    }

    [Theory]
    [InlineData(Data.Empty)]
    [InlineData(Data.OnePoint)]
    [InlineData(Data.Normal)]
    public void BiasVariance(Data data)
    {
        var trials = data switch { Data.Empty => [], Data.OnePoint => Ofat.Trials.Take(1).ToList(), _ => Ofat.Trials };
        var diagnoses = Diagnostics.DiagnoseAll(trials, Thresholds);
        Render(BiasVariancePlot.Build(Reports.Analysis.BiasVariance.Analyze(trials, diagnoses, Thresholds)), $"bias-variance-{data}");
    }

    [Theory]
    [InlineData(Data.Empty)]
    [InlineData(Data.OnePoint)]
    [InlineData(Data.Normal)]
    public void ValidationCurves(Data data)
    {
        var point = new ValidationCurvePoint("0.001", 0.001, true, new MeanSpread(0.95, 0.01, 2), new MeanSpread(0.9, 0.01, 2));
        IReadOnlyList<ValidationCurveInfo> curves = data switch
        {
            Data.Empty => [new ValidationCurveInfo("training.lr", ParameterAxis.Linear, true, [])],
            Data.OnePoint => [new ValidationCurveInfo("training.lr", ParameterAxis.Linear, true, [point])],
            _ => Reports.Analysis.ValidationCurves.Analyze(Ofat.Sweep, Ofat.Trials),
        };
        foreach (var curve in curves)
            Render(ValidationCurvePlot.Build(curve), $"validation-{data}-{curve.Path}");
    }

    [Fact]
    public void ValidationCurve_CategoricalValues()
    {
        var spread = new MeanSpread(0.9, null, 1);
        var info = new ValidationCurveInfo("training.optimizer", ParameterAxis.Categorical, false,
            [new("adam", null, true, spread, spread), new("sgd", null, false, spread with { Mean = 0.8 }, spread with { Mean = 0.78 })]);
        Render(ValidationCurvePlot.Build(info), "validation-categorical");
    }

    [Theory]
    [InlineData(Data.Empty)]
    [InlineData(Data.OnePoint)]
    [InlineData(Data.Normal)]
    public void Effects(Data data)
    {
        var effects = ChangeEffects.Analyze(Ofat.Trials, true);
        var shown = data switch { Data.Empty => [], Data.OnePoint => effects.Take(1).ToList(), _ => effects };
        Render(EffectsPlot.Build(shown, MetricScale.Percent, true), $"effects-{data}");
    }

    [Theory]
    [InlineData(Data.Empty)]
    [InlineData(Data.OnePoint)]
    [InlineData(Data.Normal)]
    public void ConfusionMatrix(Data data)
    {
        var test = Ofat.Trials.First(t => t.Test is not null).Test!;
        var (names, counts) = data switch
        {
            Data.Empty => ((IReadOnlyList<string>)[], Array.Empty<int[]>()),
            Data.OnePoint => (["only"], [[5]]),
            _ => (test.ClassNames, test.ConfusionMatrix),
        };
        Render(ConfusionMatrixPlot.Build(names, counts), $"confusion-{data}");
    }

    [Theory]
    [InlineData(Data.Empty)]
    [InlineData(Data.OnePoint)]
    [InlineData(Data.Normal)]
    public void Importance(Data data)
    {
        var info = data switch
        {
            Data.Empty => new ImportanceInfo(false, [], [], 0, []),
            Data.OnePoint => new ImportanceInfo(false, [new ParameterImportance("model.dropout", ParameterScale.Levels, 2, 0.4, 0.05, null)], [], 12, []),
            _ => Reports.Analysis.Importance.Analyze(Large.Sweep, Large.Trials, []),
        };
        Render(ImportancePlot.Build(info), $"importance-{data}");
    }

    [Fact]
    public void Image_IsAnUpscaledPngDataUri()
    {
        var image = new ImageInfo(0, 1, 2, 1, 2, 2, [0, 255, 128, 64]);
        var uri = ImageEncoding.ToPngDataUri(image, 4);
        Assert.StartsWith("data:image/png;base64,", uri);
        var png = Convert.FromBase64String(uri["data:image/png;base64,".Length..]);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(8, bitmap.Width);
        Assert.Equal(0, bitmap.GetPixel(3, 3).Red);
        Assert.Equal(255, bitmap.GetPixel(4, 0).Red);
        Assert.Equal(128, bitmap.GetPixel(0, 7).Red);
        Assert.Equal(64, bitmap.GetPixel(7, 7).Red);
    }

    [Fact]
    public void Image_WithWrongPixelCount_Throws() =>
        Assert.Throws<ArgumentException>(() => ImageEncoding.ToPngDataUri(new ImageInfo(0, 0, 0, 1, 2, 2, [1, 2, 3]), 2));

    [Fact]
    public void InlineSvgs_HaveUniqueIds()
    {
        var first = SvgEmbedding.Inline(ConfusionMatrixPlot.Build(["a", "b"], [[1, 2], [3, 4]]), 300, 300, "p0-", "a");
        var second = SvgEmbedding.Inline(ConfusionMatrixPlot.Build(["a", "b"], [[1, 2], [3, 4]]), 300, 300, "p1-", "b");
        var ids = System.Text.RegularExpressions.Regex.Matches(first + second, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain("<?xml", first);
    }
}
