using System.Text;
using Sweep.Reports.Analysis;
using Sweep.Reports.Plots;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class SearchSpaceSection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var info = page.Analysis.SearchSpace;
        PageContext.Section(html, "search-space", "Parallel coordinates and slices",
            "Where the good trials lie in the search space, as optuna-dashboard shows it: each trial a line across the parameters to its objective (dark is better), then the objective against each parameter alone. Only trials that trained their whole budget are drawn. Ranges drawn log-uniformly are on a log scale; categories are columns, never joined.",
            () =>
            {
                if (!info.Shown)
                {
                    PageContext.Empty(html, $"Shown for {string.Join(" and ", SearchSpaceView.Strategies)} sweeps; this one changes one parameter at a time, so see the effects section.");
                    return;
                }
                if (info.Lines.Count == 0) { PageContext.Empty(html, "No trial has trained its whole budget yet."); return; }
                if (info.LeftOut > 0) html.Append($"<p class=\"muted\">{Plural(info.LeftOut, "trial")} stopped early {(info.LeftOut == 1 ? "is" : "are")} left out.</p>");
                html.Append(page.Svg(ParallelCoordinatesPlot.Build(info, page.Scale, page.Analysis.Input.Sweep.Maximize),
                    1000, 420, "parallel coordinates of the parameters and the objective"));
                html.Append("<h3>Slices</h3><div class=\"grid2\">");
                foreach (var slice in info.Slices)
                    html.Append($"<figure><figcaption><code>{E(slice.Axis.Path)}</code></figcaption>")
                        .Append(page.Svg(SlicePlot.Build(slice, page.Scale), 520, 300, $"objective against {slice.Axis.Path}"))
                        .Append("</figure>");
                html.Append("</div>");
            });
    }
}
