namespace Sweep.Reports.Analysis;

public enum DiagnosisKind { Diverged, Unstable, Overfitting, HighVariance, HighBias, Healthy, NotEnoughEpochs, TrainingErrorNotMeasured }

public static class DiagnosisKindText
{
    public static string Label(this DiagnosisKind kind) => kind switch
    {
        DiagnosisKind.Diverged => "diverged",
        DiagnosisKind.Unstable => "unstable",
        DiagnosisKind.Overfitting => "overfitting",
        DiagnosisKind.HighVariance => "high variance",
        DiagnosisKind.HighBias => "high bias",
        DiagnosisKind.Healthy => "healthy",
        DiagnosisKind.NotEnoughEpochs => "too early to tell",
        DiagnosisKind.TrainingErrorNotMeasured => "training error not measured",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>CSS-safe identifier used for colours on the page.</summary>
    public static string Slug(this DiagnosisKind kind) => kind.Label().Replace(' ', '-');
}
