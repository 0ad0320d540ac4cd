using System.Text;
using Sweep.Reports.Plots;

namespace Sweep.Reports.Html;

public static class HistorySection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var info = page.Analysis.History;
        PageContext.Section(html, "history", "Optimization history",
            "Every trial's objective against its trial number and against when it finished, as optuna-dashboard shows it. The green line is the best so far among trials that trained their whole budget; trials stopped early are grey.",
            () =>
            {
                if (info.Points.Count == 0) { PageContext.Empty(html, "No trial has an objective yet."); return; }
                html.Append("<div class=\"grid2\">")
                    .Append("<figure><figcaption>By trial number</figcaption>")
                    .Append(page.Svg(OptimizationHistoryPlot.Build(info, page.Scale, byTime: false), 560, 340, "objective against trial number"))
                    .Append("</figure><figure><figcaption>By time</figcaption>")
                    .Append(page.Svg(OptimizationHistoryPlot.Build(info, page.Scale, byTime: true), 560, 340, "objective against time"))
                    .Append("</figure></div>");
            });
    }
}
