using System.Net;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Sweep.Reports.Plots;

/// <summary>Turns a plot into an SVG element that can sit inline among others in one HTML page.</summary>
public static partial class SvgEmbedding
{
    /// <summary>ScottPlot numbers clip paths and images from 0 in every SVG it writes, so two inline plots would
    /// share ids and clip each other; <paramref name="idPrefix"/> makes them unique in the page.</summary>
    public static string Inline(Plot plot, int width, int height, string idPrefix, string description)
    {
        var svg = plot.GetSvgXml(width, height);
        svg = XmlDeclaration().Replace(svg, "");
        svg = IdReference().Replace(svg, match => $"{match.Groups[1].Value}{idPrefix}");
        // ScottPlot writes coordinates to 5–7 decimals; a hundredth of a pixel is below what a screen shows, and the
        // shorter numbers make a 1,000-trial page a good deal smaller. Only attribute values: text stays as written.
        svg = Attribute().Replace(svg, match => match.Groups[1].Value + LongDecimal().Replace(match.Groups[2].Value, "$1") + "\"");
        var root = $"<svg class=\"plot\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(description)}\" viewBox=\"0 0 {width} {height}\" ";
        return OpeningTag().Replace(svg, root, 1).Trim();
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"(\bid=""|url\(#|href=""#)")]
    private static partial Regex IdReference();

    [GeneratedRegex(@"(\s[\w:-]+="")([^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"(\d\.\d\d)\d+")]
    private static partial Regex LongDecimal();

    [GeneratedRegex(@"<svg\s")]
    private static partial Regex OpeningTag();
}
