using System.Text;
using ScottPlot;
using Sweep.Reports.Analysis;
using Sweep.Reports.Plots;

namespace Sweep.Reports.Html;

/// <summary>What every section needs: the analysis, the caps, the objective's unit and unique plot ids.</summary>
public sealed record PageContext(ReportAnalysis Analysis, ReportLimits Limits, string SectionId)
{
    public PlotIds Ids { get; } = new(SectionId);
    public MetricScale Scale { get; } = MetricScale.For(Analysis.Input.Sweep.ObjectiveMetric);
    public string ObjectiveName => Analysis.Input.Sweep.ObjectiveMetric;

    public string Svg(Plot plot, int width, int height, string description) =>
        SvgEmbedding.Inline(plot, width, height, Ids.Next(), description);

    public static void Section(StringBuilder html, string id, string title, string lead, Action body)
    {
        html.Append($"<section id=\"{id}\"><h2>{Text.E(title)}</h2>");
        if (lead.Length > 0) html.Append($"<p class=\"lead\">{lead}</p>");
        body();
        html.Append("</section>\n");
    }

    public static void Empty(StringBuilder html, string why) => html.Append($"<p class=\"empty\">{Text.E(why)}</p>");
}
