using System.Text;
using Sweep.Reports.Analysis;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class LeaderboardSection
{
    private const int TallTableRows = 25;

    public static void Write(StringBuilder html, PageContext page)
    {
        var a = page.Analysis;
        var repeats = a.Input.Sweep.Repeats;
        var lead = $"Configurations ranked by {E(page.ObjectiveName)}" +
                   (repeats > 1 ? $", mean ± standard deviation over {repeats} seed repeats" : " (one seed each, so no spread)") +
                   ". Click a column header to sort.";
        PageContext.Section(html, "leaderboard", "Leaderboard", lead, () =>
        {
            if (a.Leaderboard.Count == 0) { PageContext.Empty(html, "The sweep has no trials yet."); return; }
            // Long sweeps scroll inside the table so the sections below stay within reach.
            var wrapper = a.Leaderboard.Count > TallTableRows ? "table-wrap scroll" : "table-wrap";
            html.Append($"<div class=\"{wrapper}\"><table class=\"sortable\" id=\"leaderboard-table\"><thead><tr>")
                .Append("<th data-type=\"number\">Rank</th><th>Configuration</th><th>Role</th><th data-type=\"number\">")
                .Append(E(page.ObjectiveName))
                .Append("</th><th data-type=\"number\">Gap (pts)</th><th data-type=\"number\">Parameters</th><th data-type=\"number\">Best epoch</th>")
                .Append("<th data-type=\"number\">Test accuracy</th><th data-type=\"number\">Macro-F1</th><th data-type=\"number\">Seeds</th><th>State</th></tr></thead><tbody>");
            foreach (var row in a.Leaderboard)
            {
                html.Append(row.Rank == 1 ? "<tr class=\"best\">" : "<tr>")
                    .Append($"<td data-sort=\"{SortKey(row.Rank)}\">{(row.Rank is { } r ? r.ToString() : Missing)}</td>")
                    .Append($"<td class=\"config\" title=\"{E(row.Config.ConfigKey)}\">{E(Configuration(row.Config))}</td>")
                    .Append($"<td>{E(row.Config.Role)}</td>")
                    .Append($"<td class=\"num\" data-sort=\"{SortKey(row.Objective?.Mean)}\">{MetricSpread(row.Objective, page.Scale)}</td>")
                    .Append($"<td class=\"num\" data-sort=\"{SortKey(row.Gap?.Mean)}\">{Points(row.Gap?.Mean)}</td>")
                    .Append($"<td class=\"num\" data-sort=\"{SortKey(row.TrainableParameters)}\">{Count(row.TrainableParameters)}</td>")
                    .Append($"<td class=\"num\" data-sort=\"{SortKey(row.BestEpoch)}\">{(row.BestEpoch?.ToString() ?? Missing)}</td>")
                    .Append($"<td class=\"num\" data-sort=\"{SortKey(row.TestAccuracy?.Mean)}\">{Percent(row.TestAccuracy?.Mean, "0.00")}</td>")
                    .Append($"<td class=\"num\" data-sort=\"{SortKey(row.MacroF1?.Mean)}\">{Number(row.MacroF1?.Mean, "0.000")}</td>")
                    .Append($"<td class=\"num\" data-sort=\"{row.Config.Trials.Count}\">{row.Config.Trials.Count}</td>")
                    .Append($"<td>{string.Join(" ", row.States.OrderBy(s => s.Key).Select(s => StateBadge(s.Key) + (s.Value > 1 ? $"×{s.Value}" : "")))}</td>")
                    .Append("</tr>\n");
            }
            html.Append("</tbody></table></div>");
        });
    }
}
