namespace Sweep.Trials.Metrics;

public static class ConfusionMatrix
{
    /// <summary>Counts of (true class, predicted class) pairs: rows are true classes, columns predicted ones.</summary>
    public static int[][] Build(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classCount)
    {
        if (truth.Count != predicted.Count)
            throw new ArgumentException(
                $"truth has {truth.Count} labels but predicted has {predicted.Count}", nameof(predicted));
        var counts = Enumerable.Range(0, classCount).Select(_ => new int[classCount]).ToArray();
        for (var i = 0; i < truth.Count; i++)
            counts[CheckedClass(truth[i], classCount, nameof(truth))][CheckedClass(predicted[i], classCount,
                nameof(predicted))]++;
        return counts;
    }

    private static int CheckedClass(int label, int classCount, string name) => label >= 0 && label < classCount
        ? label
        : throw new ArgumentOutOfRangeException(name, label, $"class labels must lie in [0, {classCount})");
}
