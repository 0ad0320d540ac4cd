using Sweep.Trials.Data;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerTestMetricsTests
{
    [Fact]
    public void Misclassified_AreAtMostTheAskedNumberOfRealMistakesWithTheirPixels()
    {
        const int asked = 5;
        var spec = Tiny(epochs: 1) with { Training = Tiny().Training with { Epochs = 1, MisclassifiedExamples = asked } };

        var test = Assert.IsType<TestMetrics>(Train(spec).Test);

        var testImages = DatasetCache.Get(spec.Dataset, null, SpecPath).TestRaw;
        var mistakes = test.ConfusionMatrix.Sum(row => row.Sum()) - test.ConfusionMatrix.Select((row, i) => row[i]).Sum();
        Assert.Equal(Math.Min(asked, mistakes), test.Misclassified.Count);
        Assert.Equal(test.Misclassified.Count, test.Misclassified.Select(m => m.Index).Distinct().Count());
        Assert.All(test.Misclassified, picture =>
        {
            Assert.NotEqual(picture.TrueClass, picture.PredictedClass);
            Assert.Equal((1, 28, 28), (picture.Channels, picture.Height, picture.Width));
            Assert.Equal(picture.Channels * picture.Height * picture.Width, picture.Pixels.Length);
            Assert.Equal(testImages.Labels[picture.Index], picture.TrueClass);
            Assert.Equal(testImages.Pixels.AsSpan(picture.Index * testImages.ImageBytes, testImages.ImageBytes).ToArray(),
                picture.Pixels);
        });
    }
}
