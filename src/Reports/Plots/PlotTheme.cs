using ScottPlot;
using Sweep.Reports.Analysis;

namespace Sweep.Reports.Plots;

/// <summary>Colours and styling shared by every plot, matching the page's CSS.</summary>
public static class PlotTheme
{
    public static readonly Color Train = Color.FromHex("#2563eb");
    public static readonly Color Validation = Color.FromHex("#ea580c");
    public static readonly Color Neutral = Color.FromHex("#6b7280");
    public static readonly Color Better = Color.FromHex("#16a34a");
    public static readonly Color Worse = Color.FromHex("#dc2626");

    public static Color For(DiagnosisKind kind) => Color.FromHex(HexFor(kind));

    public static string HexFor(DiagnosisKind kind) => kind switch
    {
        DiagnosisKind.Diverged => "#7f1d1d",
        DiagnosisKind.Unstable => "#a16207",
        DiagnosisKind.Overfitting => "#dc2626",
        DiagnosisKind.HighVariance => "#f97316",
        DiagnosisKind.HighBias => "#2563eb",
        DiagnosisKind.Healthy => "#16a34a",
        _ => "#9ca3af",
    };

    public static Plot NewPlot(string? title = null, string? xLabel = null, string? yLabel = null)
    {
        var plot = new Plot();
        plot.Grid.MajorLineColor = Color.FromHex("#e5e7eb");
        plot.Axes.Frame(false);
        plot.Axes.Left.FrameLineStyle.Width = 1;
        plot.Axes.Bottom.FrameLineStyle.Width = 1;
        if (title is not null) plot.Title(title, 14);
        if (xLabel is not null) plot.XLabel(xLabel, 12);
        if (yLabel is not null) plot.YLabel(yLabel, 12);
        return plot;
    }

    /// <summary>Marks an empty plot so that it reads as "nothing yet" rather than as a broken image.</summary>
    public static Plot WithNoDataNote(Plot plot, string note)
    {
        var text = plot.Add.Text(note, 0.5, 0.5);
        text.Alignment = Alignment.MiddleCenter;
        text.LabelFontColor = Neutral;
        text.LabelFontSize = 14;
        plot.Axes.SetLimits(0, 1, 0, 1);
        return plot;
    }
}
