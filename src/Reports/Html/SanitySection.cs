using System.Text;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class SanitySection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var a = page.Analysis;
        var classes = a.Input.Sweep.ClassCount;
        var lead = classes > 0
            ? $"Before training, a {classes}-class classifier should score loss ≈ ln({classes}) = {Number(Math.Log(classes), "0.000")} and accuracy ≈ 1/{classes} = {Percent(1.0 / classes)}. Far off means a bug in data, labels, loss or initialization. Pretrained weights are not expected at chance."
            : "Before training, a classifier should score loss ≈ ln(classes) and accuracy ≈ 1/classes.";
        PageContext.Section(html, "sanity", "Sanity checks", lead, () =>
        {
            var rows = a.Sanity;
            if (rows.Count == 0) { PageContext.Empty(html, "No trial recorded sanity measurements."); return; }
            var flagged = rows.Where(r => r.Flagged).ToList();
            var passing = rows.Where(r => !r.Flagged).ToList();
            var shown = flagged.Concat(passing.Take(page.Limits.PassingSanityRows)).ToList();
            html.Append($"<p>{Plural(flagged.Count, "trial")} flagged, {Count(passing.Count)} passed.");
            html.Append(shown.Count < rows.Count ? $" Showing every flagged trial and {page.Limits.PassingSanityRows} passing ones.</p>" : "</p>");
            html.Append("<table class=\"sortable\"><thead><tr><th data-type=\"number\">Trial</th><th data-type=\"number\">Initial loss</th><th data-type=\"number\">Expected</th><th data-type=\"number\">Initial accuracy</th><th data-type=\"number\">Expected</th><th>Overfit one batch</th><th>Status</th></tr></thead><tbody>");
            foreach (var row in shown)
            {
                var s = row.Sanity;
                html.Append(row.Flagged ? "<tr class=\"flagged\">" : "<tr>")
                    .Append($"<td class=\"num\" data-sort=\"{row.Trial.Index}\">#{row.Trial.Index}</td>")
                    .Append($"<td class=\"num{(row.LossOff ? " off" : "")}\" data-sort=\"{SortKey(s.InitialLoss)}\">{Number(s.InitialLoss)}</td>")
                    .Append(s.ExpectedInitialLoss is { } expectedLoss ? $"<td class=\"num\">{Number(expectedLoss)}</td>" : "<td>none (pretrained)</td>")
                    .Append($"<td class=\"num{(row.AccuracyOff ? " off" : "")}\" data-sort=\"{SortKey(s.InitialAccuracy)}\">{Percent(s.InitialAccuracy)}</td>")
                    .Append(s.ExpectedInitialAccuracy is { } expectedAccuracy ? $"<td class=\"num\">{Percent(expectedAccuracy)}</td>" : "<td>none (pretrained)</td>")
                    .Append($"<td>{(s.OverfitOneBatchPassed switch { true => "passed", false => "<span class=\"off\">failed</span>", null => "not run" })}</td>")
                    .Append($"<td>{(row.Flagged ? "<span class=\"off\">check</span>" : "ok")}</td></tr>\n");
            }
            html.Append("</tbody></table>");
        });
    }
}
