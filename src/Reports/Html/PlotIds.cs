namespace Sweep.Reports.Html;

/// <summary>Hands out a distinct SVG id prefix per plot: the section's id, then a counter within the section.</summary>
public sealed class PlotIds(string sectionId)
{
    private int _next;

    public string Next() => $"{sectionId}-p{_next++}-";
}
