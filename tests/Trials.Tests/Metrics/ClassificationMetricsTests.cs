using Sweep.Trials.Metrics;

namespace Sweep.Trials.Tests.Metrics;

/// <summary>A hand-worked case over five classes: A and B are ordinary, C occurs but is never predicted,
/// D never occurs but is predicted once, E neither occurs nor is predicted.</summary>
public class ClassificationMetricsTests
{
    private static readonly string[] ClassNames = ["A", "B", "C", "D", "E"];
    internal static readonly int[] Truth = [0, 0, 0, 1, 1, 2, 2, 0];
    internal static readonly int[] Predicted = [0, 0, 1, 1, 0, 1, 3, 0];
    private const double Tolerance = 1e-12;

    [Fact]
    public void ConfusionMatrix_HasTrueClassesAsRows()
    {
        int[][] expected =
        [
            [3, 1, 0, 0, 0],
            [1, 1, 0, 0, 0],
            [0, 1, 0, 1, 0],
            [0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0],
        ];

        Assert.Equal(expected, ConfusionMatrix.Build(Truth, Predicted, classCount: 5));
    }

    [Fact]
    public void PerClass_CountsUndefinedRatiosAsZero()
    {
        var perClass = ClassificationMetrics.PerClass(ConfusionMatrix.Build(Truth, Predicted, 5), ClassNames);

        Assert.Equal(ClassNames, perClass.Select(c => c.Label));
        Assert.Equal([4, 2, 2, 0, 0], perClass.Select(c => c.Support));
        AssertClose([0.75, 1.0 / 3, 0, 0, 0], perClass.Select(c => c.Precision));
        AssertClose([0.75, 0.5, 0, 0, 0], perClass.Select(c => c.Recall));
        AssertClose([0.75, 0.4, 0, 0, 0], perClass.Select(c => c.F1));
    }

    [Fact]
    public void Accuracy_IsTheDiagonalShare() =>
        Assert.Equal(0.5, ClassificationMetrics.Accuracy(ConfusionMatrix.Build(Truth, Predicted, 5)), Tolerance);

    [Fact]
    public void MacroF1_AveragesClassesThatOccurOrArePredicted()
    {
        var confusion = ConfusionMatrix.Build(Truth, Predicted, 5);

        var macroF1 = ClassificationMetrics.MacroF1(confusion, ClassificationMetrics.PerClass(confusion, ClassNames));

        Assert.Equal((0.75 + 0.4 + 0 + 0) / 4, macroF1, Tolerance);
    }

    [Fact]
    public void EmptyPredictions_ScoreZero()
    {
        var confusion = ConfusionMatrix.Build([], [], 5);

        Assert.Equal(0.0, ClassificationMetrics.Accuracy(confusion));
        Assert.Equal(0.0, ClassificationMetrics.MacroF1(confusion, ClassificationMetrics.PerClass(confusion, ClassNames)));
    }

    [Fact]
    public void ConfusionMatrix_RejectsLengthMismatch() =>
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Build([0, 1], [0], 2));

    [Fact]
    public void ConfusionMatrix_RejectsLabelsOutsideTheClasses() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.Build([0, 2], [0, 1], 2));

    [Fact]
    public void PerClass_RejectsWrongNumberOfNames() =>
        Assert.Throws<ArgumentException>(() =>
            ClassificationMetrics.PerClass(ConfusionMatrix.Build([0], [0], 2), ["only one"]));

    private static void AssertClose(IEnumerable<double> expected, IEnumerable<double> actual) =>
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, Tolerance));
}
