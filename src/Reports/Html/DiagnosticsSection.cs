using System.Text;
using Sweep.Reports.Analysis;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class DiagnosticsSection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var a = page.Analysis;
        PageContext.Section(html, "diagnostics", "Overfitting diagnostics, worst first",
            "Each trial diagnosed from its curves. Severity is how many times past its threshold the strongest evidence is (1 or more is flagged; diverged trials rank first). Remedies in bold were tried by this sweep, with what they did.",
            () =>
            {
                var ranked = a.RankedDiagnoses;
                if (ranked.Count == 0) PageContext.Empty(html, "No trial has finished an epoch yet.");
                else WriteTable(html, page, ranked);
                WriteThresholds(html, a.Thresholds);
            });
    }

    private static void WriteTable(StringBuilder html, PageContext page, IReadOnlyList<DiagnosedTrial> ranked)
    {
        var shown = ranked.Take(page.Limits.DiagnosticRows).ToList();
        if (shown.Count < ranked.Count)
            html.Append($"<p class=\"muted\">Showing the {shown.Count} most severe of {Count(ranked.Count)} trials with curves.</p>");
        html.Append("<div class=\"table-wrap\"><table class=\"sortable\"><thead><tr><th data-type=\"number\">Trial</th><th>Configuration</th><th>Diagnosis</th><th data-type=\"number\">Severity</th><th>Evidence</th><th>Remedies</th></tr></thead><tbody>");
        foreach (var d in shown)
        {
            var config = page.Analysis.Leaderboard.First(r => r.Config.ConfigKey == d.Trial.ConfigKey).Config;
            html.Append($"<tr class=\"sev{(d.Diagnosis.Severity >= 1 ? " flagged" : "")}\">")
                .Append($"<td class=\"num\" data-sort=\"{d.Trial.Index}\">#{d.Trial.Index}</td>")
                .Append($"<td class=\"config\">{E(Configuration(config))}</td>")
                .Append($"<td>{Badge(d.Diagnosis.Kind)}</td>")
                .Append($"<td class=\"num\" data-sort=\"{SortKey(d.Diagnosis.Severity)}\">{d.Diagnosis.Severity.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}</td>")
                .Append($"<td>{E(Evidence.Describe(d.Diagnosis, page.Analysis.Thresholds, d.Trial.Epochs.Count))}</td>")
                .Append($"<td>{Remedies(d, page)}</td></tr>\n");
        }
        html.Append("</tbody></table></div>");
    }

    private static string Remedies(DiagnosedTrial d, PageContext page)
    {
        if (d.Remedies.Count == 0) return "<span class=\"muted\">none needed</span>";
        var advice = string.Join(", ", d.Remedies.Select(r => d.Tested.Any(t => t.Remedy.Advice == r.Advice) ? $"<b>{E(r.Advice)}</b>" : E(r.Advice)));
        if (d.Tested.Count == 0) return advice;
        var tested = string.Concat(d.Tested.Select(t => $"<li>{E(Evidence.Tested(t, page.Scale))}</li>"));
        return $"{advice}<ul class=\"tested\">{tested}</ul>";
    }

    private static void WriteThresholds(StringBuilder html, DiagnosisThresholds t)
    {
        html.Append("<details><summary>Diagnosis rules and thresholds</summary><table class=\"compact\"><tbody>");
        void Row(string rule, string value) => html.Append($"<tr><td>{E(rule)}</td><td class=\"num\">{E(value)}</td></tr>");
        Row("Diverged: any loss NaN or infinite, or the trial stopped as diverged; severity", Number(t.DivergedSeverity, "0"));
        Row("Unstable: epochs whose training loss rises by more than", Percent(t.UnstableJumpFraction, "0"));
        Row("Unstable: that many jumps at least", t.UnstableMinJumps.ToString());
        Row("Overfitting: smoothed validation loss ends above its minimum by at least (training loss falling)", Percent(t.OverfitValidationLossRise, "0"));
        Row("Smoothing window for validation loss (epochs)", t.SmoothingWindow.ToString());
        Row("High variance: final validation − training error at least (points)", Points(t.HighVarianceGap));
        Row("High bias: final training error at least", Percent(t.HighBiasTrainError, "0"));
        Row("Training loss still falling: relative drop per epoch at the end at least", Percent(t.StillFallingFraction, "0"));
        Row("Epochs needed for a diagnosis", t.MinEpochs.ToString());
        Row("Sanity: initial loss within this fraction of ln(classes)", Percent(t.InitialLossRelativeTolerance, "0"));
        Row("Sanity: initial accuracy within this of 1/classes (points)", Points(t.InitialAccuracyTolerance));
        Row("Effects: a difference is real when its confidence interval excludes zero", "95 % (Welch t)");
        html.Append("</tbody></table></details>");
    }
}
