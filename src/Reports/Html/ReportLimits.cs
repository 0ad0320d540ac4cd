namespace Sweep.Reports.Html;

/// <summary>Caps that keep a 1,000-trial report readable and quick to write; the page states each cap it applies.</summary>
public sealed record ReportLimits
{
    public int SmallMultiples { get; init; } = 48;
    public int WorstOverfittingCurves { get; init; } = 3;
    public int DiagnosticRows { get; init; } = 100;
    public int PassingSanityRows { get; init; } = 20;
    public int MisclassifiedImages { get; init; } = 24;
    public int ImageScale { get; init; } = 3;

    public static ReportLimits Default { get; } = new();
}
