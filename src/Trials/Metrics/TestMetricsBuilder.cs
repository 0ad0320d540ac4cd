using Sweep.Trials.Training;

namespace Sweep.Trials.Metrics;

public static class TestMetricsBuilder
{
    /// <summary>Scores the predictions on the test set; <paramref name="misclassified"/> comes from
    /// <see cref="Misclassifications"/>, which needs the images this class never sees.</summary>
    public static TestMetrics Build(IReadOnlyList<int> truth, IReadOnlyList<int> predicted,
        IReadOnlyList<string> classNames, double loss, IReadOnlyList<MisclassifiedImage> misclassified)
    {
        var confusion = ConfusionMatrix.Build(truth, predicted, classNames.Count);
        var perClass = ClassificationMetrics.PerClass(confusion, classNames);
        return new TestMetrics(ClassificationMetrics.Accuracy(confusion),
            ClassificationMetrics.MacroF1(confusion, perClass), loss, classNames, perClass, confusion, misclassified);
    }
}
