using System.Text;
using Sweep.Reports.Analysis;
using Sweep.Reports.Html;

namespace Sweep.Orchestrator.Live;

/// <summary>The live page: the report's own head, sections and foot, with the status section first and the script
/// that replaces sections as the server sends them.</summary>
public static class LivePage
{
    public static LiveSnapshot Render(long version, ReportAnalysis analysis, string statusSection, string dashboardNote)
    {
        var sections = new List<LiveSection> { LiveSection.Of(LiveStatusSection.Id, statusSection) };
        sections.AddRange(ReportPage.RenderSections(analysis, ReportLimits.Default).Select(s => LiveSection.Of(s.Id, s.Html)));
        var script = LiveScript.For(version);
        var page = new StringBuilder(sections.Sum(s => s.Html.Length) + 16384);
        page.Append(ReportPage.Head(analysis.Input.Sweep.Name, script));
        page.Append("<p class=\"muted\">Live view, read-only: <span id=\"live-connection\" class=\"state\">connecting</span> "
            + $"· sections change as the sweep's store does · {dashboardNote}</p>\n");
        foreach (var section in sections)
            page.Append(section.Html);
        page.Append(ReportPage.Foot(analysis, script));
        return new LiveSnapshot(version, sections, page.ToString());
    }
}
