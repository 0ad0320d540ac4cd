using System.Globalization;
using System.Text;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;
using Sweep.Reports.Html;
using static Sweep.Reports.Html.Text;

namespace Sweep.Orchestrator.Live;

/// <summary>Which cluster a live view lists, and where relative paths of its sweeps resolve.</summary>
public sealed record ClusterIndex(string ClusterId, ISweepCatalog Catalog, string WorkingDirectory);

/// <summary>The index of <c>sweep serve --cluster</c> without a sweep: every sweep of the cluster, as
/// <c>sweep list</c> shows them, each linking to its live page.</summary>
public static class LiveClusterIndex
{
    public const string SweepsPath = "/sweeps";

    public static string PathOf(string sweepId) => $"{SweepsPath}/{Uri.EscapeDataString(sweepId)}/";

    public static string Render(string clusterId, IReadOnlyList<ClusterSweepLine> sweeps, string dashboardNote,
        DateTimeOffset now)
    {
        var html = new StringBuilder(2048 + 256 * sweeps.Count);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            + $"<title>Sweeps of cluster {E(clusterId)}</title><style>{Assets.Css}</style></head><body><main>\n");
        html.Append($"<h1>Sweeps of cluster {E(clusterId)}</h1><p class=\"muted\">Live view, read-only · {dashboardNote} · "
            + $"read from the cluster's store at {now.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}; reload for sweeps submitted since.</p>\n");
        if (sweeps.Count == 0)
        {
            html.Append("<p class=\"empty\">The cluster holds no sweep yet: submit one with sweep run --cluster ….</p>");
            return html.Append("</main></body></html>\n").ToString();
        }
        html.Append("<div class=\"table-wrap\"><table id=\"cluster-sweeps\"><thead><tr><th>sweep</th><th>name</th><th>state</th>"
            + "<th>submitted</th><th>trials</th><th>best</th></tr></thead><tbody>");
        foreach (var sweep in sweeps)
            html.Append($"<tr><td><a href=\"{E(PathOf(sweep.SweepId))}\">{E(sweep.SweepId)}</a></td><td>{E(sweep.Name ?? "–")}</td>"
                + $"<td>{E(sweep.State.ToString().ToLowerInvariant())}</td>"
                + $"<td>{E(sweep.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</td>"
                + $"<td class=\"num\">{sweep.Finished}/{sweep.Total} finished</td><td>{E(sweep.Best)}</td></tr>");
        return html.Append("</tbody></table></div></main></body></html>\n").ToString();
    }
}
