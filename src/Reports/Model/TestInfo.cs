namespace Sweep.Reports.Model;

/// <param name="ConfusionMatrix">Rows are true classes, columns predicted classes.</param>
public sealed record TestInfo(
    double Accuracy,
    double MacroF1,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<ClassScore> PerClass,
    int[][] ConfusionMatrix,
    IReadOnlyList<ImageInfo> Misclassified);

public sealed record ClassScore(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>A misclassified test image; pixels are 0–255, channel-major (C×H×W).</summary>
public sealed record ImageInfo(int Index, int TrueClass, int PredictedClass, int Channels, int Height, int Width,
    byte[] Pixels);
