using Sweep.Trials.Training;

namespace Sweep.Trials.Metrics;

/// <summary>Scores read off a confusion matrix (rows = true class, columns = predicted class). A ratio whose
/// denominator is 0 counts as 0, as scikit-learn does with <c>zero_division=0</c>.</summary>
public static class ClassificationMetrics
{
    public static IReadOnlyList<ClassMetrics> PerClass(int[][] confusion, IReadOnlyList<string> classNames)
    {
        if (classNames.Count != confusion.Length)
            throw new ArgumentException(
                $"{classNames.Count} class names for a {confusion.Length}-class confusion matrix", nameof(classNames));
        return classNames.Select((name, c) => ForClass(confusion, c, name)).ToList();
    }

    public static double Accuracy(int[][] confusion) =>
        Ratio(Enumerable.Range(0, confusion.Length).Sum(c => confusion[c][c]), confusion.Sum(row => row.Sum()));

    /// <summary>Mean F1 over the classes that occur among the true or the predicted labels, like scikit-learn's
    /// <c>average="macro"</c> without a <c>labels</c> list: a class absent from both (for example outside a test
    /// subset) says nothing about the model and is not averaged in as a zero.</summary>
    public static double MacroF1(int[][] confusion, IReadOnlyList<ClassMetrics> perClass)
    {
        var occurring = Enumerable.Range(0, confusion.Length)
            .Where(c => perClass[c].Support > 0 || PredictedCount(confusion, c) > 0)
            .ToList();
        return occurring.Count == 0 ? 0.0 : occurring.Average(c => perClass[c].F1);
    }

    private static ClassMetrics ForClass(int[][] confusion, int c, string name)
    {
        var truePositives = confusion[c][c];
        var support = confusion[c].Sum();
        var precision = Ratio(truePositives, PredictedCount(confusion, c));
        var recall = Ratio(truePositives, support);
        var f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(name, precision, recall, f1, support);
    }

    private static int PredictedCount(int[][] confusion, int c) => confusion.Sum(row => row[c]);

    private static double Ratio(long numerator, long denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;
}
