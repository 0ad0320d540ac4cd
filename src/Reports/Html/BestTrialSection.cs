using System.Text;
using Sweep.Reports.Plots;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class BestTrialSection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var best = page.Analysis.Summary.Best?.BestTrial;
        var lead = best is null ? "" : $"Trial #{best.Index} on the test set{(best.Host is { } host ? $", trained on {E(host)}" : "")}.";
        PageContext.Section(html, "best-trial", "Best trial in detail", lead, () =>
        {
            if (best is null) { PageContext.Empty(html, "No trial has an objective yet."); return; }
            if (best.Test is not { } test) { PageContext.Empty(html, $"Trial #{best.Index} has no test results (the test set is scored when a trial completes, when the dataset has one)."); return; }

            html.Append($"<p>Test accuracy <b>{Percent(test.Accuracy, "0.00")}</b>, macro-F1 <b>{Number(test.MacroF1)}</b>.</p>");
            html.Append("<div class=\"row\">");
            html.Append("<figure><figcaption>Confusion matrix (rows: true class; colour: share of the row, i.e. recall, from white at 0 % to dark blue at 100 %)</figcaption>")
                .Append(page.Svg(ConfusionMatrixPlot.Build(test.ClassNames, test.ConfusionMatrix), 640, 560, "confusion matrix of the best trial"))
                .Append("</figure>");
            html.Append("<div><table class=\"sortable\"><thead><tr><th>Class</th><th data-type=\"number\">Precision</th><th data-type=\"number\">Recall</th><th data-type=\"number\">F1</th><th data-type=\"number\">Support</th></tr></thead><tbody>");
            foreach (var c in test.PerClass)
                html.Append($"<tr><td>{E(c.Label)}</td><td class=\"num\" data-sort=\"{SortKey(c.Precision)}\">{Number(c.Precision)}</td><td class=\"num\" data-sort=\"{SortKey(c.Recall)}\">{Number(c.Recall)}</td><td class=\"num\" data-sort=\"{SortKey(c.F1)}\">{Number(c.F1)}</td><td class=\"num\" data-sort=\"{c.Support}\">{Count(c.Support)}</td></tr>");
            html.Append("</tbody></table></div></div>");

            html.Append("<h3>Misclassified test images</h3>");
            if (test.Misclassified.Count == 0) { PageContext.Empty(html, "The trial recorded no misclassified examples."); return; }
            var shown = test.Misclassified.Take(page.Limits.MisclassifiedImages).ToList();
            if (shown.Count < test.Misclassified.Count)
                html.Append($"<p class=\"muted\">First {shown.Count} of {test.Misclassified.Count}.</p>");
            html.Append("<div class=\"images\">");
            foreach (var image in shown)
            {
                string Name(int c) => c >= 0 && c < test.ClassNames.Count ? test.ClassNames[c] : c.ToString();
                var label = $"true {Name(image.TrueClass)}, predicted {Name(image.PredictedClass)}";
                html.Append($"<figure><img src=\"{ImageEncoding.ToPngDataUri(image, page.Limits.ImageScale)}\" width=\"{image.Width * page.Limits.ImageScale}\" height=\"{image.Height * page.Limits.ImageScale}\" alt=\"{E(label)}\">")
                    .Append($"<figcaption><span class=\"true\">{E(Name(image.TrueClass))}</span><br><span class=\"pred\">→ {E(Name(image.PredictedClass))}</span></figcaption></figure>");
            }
            html.Append("</div>");
        });
    }
}
