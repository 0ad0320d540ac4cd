using System.Text;
using Sweep.Reports.Analysis;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class LeaderboardSection
{
    /// <summary>Rows per page; the page script pages and filters the table, and without script every row shows.</summary>
    public const int PageRows = 25;

    public static void Write(StringBuilder html, PageContext page)
    {
        var a = page.Analysis;
        var repeats = a.Input.Sweep.Repeats;
        var paged = a.Leaderboard.Count > PageRows;
        var lead = $"Configurations ranked by {E(page.ObjectiveName)}" +
                   (repeats > 1 ? $", mean ± standard deviation over {repeats} seed repeats" : " (one seed each, so no spread)") +
                   $". {E(Ranking.Rule)} Epochs are those trained of those planned. Click a column header to sort" +
                   (paged ? $"; {PageRows} rows a page, type in the box to filter." : ".");
        PageContext.Section(html, "leaderboard", "Leaderboard", lead, () =>
        {
            if (a.Leaderboard.Count == 0) { PageContext.Empty(html, "The sweep has no trials yet."); return; }
            if (paged) TableTools.Write(html, "leaderboard-table", a.Leaderboard.Count, "configurations");
            html.Append($"<div class=\"table-wrap\"><table class=\"sortable{(paged ? " paged" : "")}\" id=\"leaderboard-table\" data-page-rows=\"{PageRows}\"><thead><tr>")
                .Append("<th data-type=\"number\">Rank</th><th>Configuration</th><th>Role</th><th data-type=\"number\">")
                .Append(E(page.ObjectiveName))
                .Append("</th><th data-type=\"number\">Gap (pts)</th><th data-type=\"number\">Parameters</th><th data-type=\"number\">Epochs</th><th data-type=\"number\">Best epoch</th>")
                .Append("<th data-type=\"number\">Test accuracy</th><th data-type=\"number\">Macro-F1</th><th data-type=\"number\">Seeds</th><th>State</th></tr></thead><tbody>");
            foreach (var (row, index) in a.Leaderboard.Select((row, index) => (row, index)))
            {
                // Rows past the first page are sent hidden, so the browser never lays out a thousand rows only for the
                // page script to hide them; without script the head's <noscript> style shows them all.
                html.Append("<tr").Append(row.Rank == 1 ? " class=\"best\"" : "").Append(paged && index >= PageRows ? " hidden>" : ">")
                    .Append($"<td data-sort=\"{SortKey(row.Rank)}\">{(row.Rank is { } r ? r.ToString() : Missing)}</td>")
                    .Append($"<td class=\"config\" title=\"{E(row.Config.ConfigKey)}\">{E(Configuration(row.Config))}</td>")
                    .Append($"<td>{E(row.Config.Role)}</td>")
                    .Append($"<td class=\"num\" data-sort=\"{SortKey(row.Objective?.Mean)}\">{MetricSpread(row.Objective, page.Scale)}</td>")
                    .Append($"<td class=\"num\" data-sort=\"{SortKey(row.Gap?.Mean)}\">{Points(row.Gap?.Mean)}</td>")
                    .Append($"<td class=\"num\" data-sort=\"{SortKey(row.TrainableParameters)}\">{Count(row.TrainableParameters)}</td>")
                    .Append($"<td class=\"num{(row.Budget.Full ? "" : " short")}\" data-sort=\"{row.Budget.MostTrained}\">{Budget(row.Budget)}</td>")
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

    /// <summary>"15 / 15", "3 / 15" or, for repeats that trained differently, "3–15 / 15".</summary>
    public static string Budget(TrialBudget budget)
    {
        var trained = budget.FewestTrained == budget.MostTrained ? $"{budget.MostTrained}" : $"{budget.FewestTrained}–{budget.MostTrained}";
        return budget.Planned is { } planned ? $"{trained} / {planned}" : trained;
    }
}
