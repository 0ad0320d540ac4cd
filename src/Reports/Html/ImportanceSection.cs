using System.Text;
using Sweep.Reports.Plots;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class ImportanceSection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var info = page.Analysis.Importance;
        PageContext.Section(html, "importance", "Parameter importance",
            $"Method: {E(info.Method)}, over {Plural(info.TrialCount, "trial")} with an objective.", () =>
            {
                foreach (var caveat in info.Caveats) html.Append($"<p class=\"warn\">{E(caveat)}</p>");
                if (info.Parameters.Count == 0) { PageContext.Empty(html, "The sweep varies no parameter."); return; }
                html.Append(page.Svg(ImportancePlot.Build(info), 820, Math.Clamp(90 + 34 * info.Parameters.Count, 200, 900), "parameter importance"));
                html.Append("<table><thead><tr><th>Parameter</th><th>Values with results</th><th>Share of variance</th></tr></thead><tbody>");
                foreach (var p in info.Parameters)
                    html.Append($"<tr><td><code>{E(p.Path)}</code></td><td class=\"num\">{p.DistinctValues}</td><td class=\"num\">{(p.Share.HasValue ? Percent(p.Share) : "n/a")}</td></tr>");
                html.Append("</tbody></table>");
            });
    }
}
