using Sweep.Trials.Data;
using Sweep.Trials.Metrics;

namespace Sweep.Trials.Tests.Metrics;

public class TestMetricsBuilderTests
{
    private static readonly int[] Truth = ClassificationMetricsTests.Truth;
    private static readonly int[] Predicted = ClassificationMetricsTests.Predicted;
    private static readonly string[] ClassNames = ["A", "B", "C", "D", "E"];

    [Fact]
    public void MisclassifiedIndices_AreTheFirstWrongOnesInDataOrder() =>
        Assert.Equal([2, 4, 5], Misclassifications.Indices(Truth, Predicted, limit: 3));

    [Fact]
    public void MisclassifiedImages_CarryTheirPixelsAndClasses()
    {
        // Eight 1×1×2 images whose pixels are 10·i and 10·i + 1.
        var pixels = Enumerable.Range(0, 8).SelectMany(i => new[] { (byte)(10 * i), (byte)(10 * i + 1) }).ToArray();
        var images = new ImageSet(pixels, Truth, Channels: 1, Height: 1, Width: 2, ClassNames);

        var image = Assert.Single(Misclassifications.Images(images, Predicted, [4]));

        Assert.Equal((4, 1, 0, 1, 1, 2), (image.Index, image.TrueClass, image.PredictedClass, image.Channels,
            image.Height, image.Width));
        Assert.Equal([40, 41], image.Pixels);
    }

    [Fact]
    public void Build_FillsEveryField()
    {
        var metrics = TestMetricsBuilder.Build(Truth, Predicted, ClassNames, loss: 1.25, misclassified: []);

        Assert.Equal(0.5, metrics.Accuracy, 1e-12);
        Assert.Equal(0.2875, metrics.MacroF1, 1e-12);
        Assert.Equal(1.25, metrics.Loss);
        Assert.Equal(ClassNames, metrics.ClassNames);
        Assert.Equal(5, metrics.PerClass.Count);
        Assert.Equal([3, 1, 0, 0, 0], metrics.ConfusionMatrix[0]);
        Assert.Empty(metrics.Misclassified);
    }
}
