namespace Sweep.Reports.Html;

/// <summary>Hands out a distinct SVG id prefix per plot on the page.</summary>
public sealed class PlotIds
{
    private int _next;

    public string Next() => $"p{_next++}-";
}
