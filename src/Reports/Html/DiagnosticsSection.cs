using System.Globalization;
using System.Text;
using Sweep.Reports.Analysis;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

/// <summary>Diagnoses grouped by kind: each rule and its remedies once, then the trials with it, worst first.</summary>
public static class DiagnosticsSection
{
    /// <summary>Rows shown open under a diagnosis; the rest of its trials sit in a collapsed list.</summary>
    public const int OpenRows = 5;

    public static void Write(StringBuilder html, PageContext page)
    {
        var a = page.Analysis;
        PageContext.Section(html, "diagnostics", "Overfitting diagnostics, worst first",
            "Trials grouped by what their curves show, the most severe diagnosis first. Severity is how many times past its threshold a trial's strongest evidence is (1 or more is flagged; diverged trials rank first). Remedies in bold were tried by this sweep, with what they did.",
            () =>
            {
                if (a.DiagnosisGroups.Count == 0) PageContext.Empty(html, "No trial has finished an epoch yet.");
                foreach (var group in a.DiagnosisGroups) WriteGroup(html, page, group);
                WriteThresholds(html, a.Thresholds);
            });
    }

    private static void WriteGroup(StringBuilder html, PageContext page, DiagnosisGroup group)
    {
        var a = page.Analysis;
        var flagged = group.Kind is not (DiagnosisKind.Healthy or DiagnosisKind.NotEnoughEpochs);
        html.Append($"<div class=\"diagnosis\" id=\"diagnosis-{group.Kind.Slug()}\"><h3>{Badge(group.Kind)} {Plural(group.Trials.Count, "trial")}")
            .Append(flagged ? $", worst severity {group.WorstSeverity.ToString("0.0", CultureInfo.InvariantCulture)}</h3>" : "</h3>")
            .Append($"<p class=\"rule\"><b>Rule:</b> {E(Evidence.Rule(group.Kind, a.Thresholds))}</p>");
        var stopped = group.Trials.Count(d => TrialProgress.StoppedEarly(d.Trial));
        if (stopped > 0)
            html.Append($"<p class=\"rule\">{Plural(stopped, "trial")} of these {(stopped == 1 ? "was" : "were")} stopped early by early stopping: {(stopped == 1 ? "its curve ends" : "their curves end")} before the planned epochs, so the rule reads them where they stopped.</p>");
        if (group.Remedies.Count > 0)
        {
            var advice = string.Join(", ", group.Remedies.Select(r => group.Tested.Any(t => t.Remedy == r) ? $"<b>{E(r.Advice)}</b>" : E(r.Advice)));
            html.Append($"<p class=\"rule\"><b>Usual remedies:</b> {advice}.</p>");
            if (group.Tested.Count > 0)
                html.Append("<ul class=\"tested\">").Append(string.Concat(group.Tested.Select(t => $"<li>{E(Evidence.Tested(t, page.Scale))}</li>"))).Append("</ul>");
        }

        var listed = group.Trials.Take(page.Limits.DiagnosticRows).ToList();
        var open = flagged ? listed.Take(OpenRows).ToList() : [];
        if (open.Count > 0) Table(html, page, open);
        var collapsed = listed.Skip(open.Count).ToList();
        if (collapsed.Count > 0)
        {
            html.Append($"<details><summary>{(open.Count > 0 ? $"The other {Plural(collapsed.Count, "trial")}" : $"The {Plural(collapsed.Count, "trial")}")}</summary>");
            Table(html, page, collapsed);
            html.Append("</details>");
        }
        if (listed.Count < group.Trials.Count)
            html.Append($"<p class=\"muted\">The {Plural(group.Trials.Count - listed.Count, "less severe trial")} after the first {listed.Count} are not listed; the leaderboard has every trial.</p>");
        html.Append("</div>");
    }

    private static void Table(StringBuilder html, PageContext page, IReadOnlyList<DiagnosedTrial> rows)
    {
        html.Append("<div class=\"table-wrap\"><table class=\"sortable\"><thead><tr><th data-type=\"number\">Trial</th><th>Configuration</th><th data-type=\"number\">Severity</th><th>Evidence</th></tr></thead><tbody>");
        foreach (var d in rows)
            html.Append($"<tr{(d.Diagnosis.Severity >= 1 ? " class=\"flagged\"" : "")}>")
                .Append($"<td class=\"num\" data-sort=\"{d.Trial.Index}\">#{d.Trial.Index}</td>")
                .Append($"<td class=\"config\">{E(Configuration(page.Analysis.ConfigOf(d.Trial)))}</td>")
                .Append($"<td class=\"num\" data-sort=\"{SortKey(d.Diagnosis.Severity)}\">{d.Diagnosis.Severity.ToString("0.0", CultureInfo.InvariantCulture)}</td>")
                .Append($"<td>{E(Evidence.Describe(d.Diagnosis, page.Analysis.Thresholds, d.Trial.Epochs.Count))}</td></tr>\n");
        html.Append("</tbody></table></div>");
    }

    private static void WriteThresholds(StringBuilder html, DiagnosisThresholds t)
    {
        html.Append("<details><summary>Diagnosis rules and thresholds</summary><table class=\"compact\"><tbody>");
        void Row(string rule, string value) => html.Append($"<tr><td>{E(rule)}</td><td class=\"num\">{E(value)}</td></tr>");
        Row("Diverged: any loss NaN or infinite, or the trial stopped as diverged; severity", Number(t.DivergedSeverity, "0"));
        Row("Unstable: epochs whose training loss rises by more than", Percent(t.UnstableJumpFraction, "0"));
        Row("Unstable: that many jumps at least", t.UnstableMinJumps.ToString(CultureInfo.InvariantCulture));
        Row("Overfitting: smoothed validation loss ends above its minimum by at least (training loss falling)", Percent(t.OverfitValidationLossRise, "0"));
        Row("Smoothing window for validation loss (epochs)", t.SmoothingWindow.ToString(CultureInfo.InvariantCulture));
        Row("High variance: final validation − training error at least (points)", Points(t.HighVarianceGap));
        Row("High bias: final training error at least", Percent(t.HighBiasTrainError, "0"));
        Row("Training loss still falling: relative drop per epoch at the end at least", Percent(t.StillFallingFraction, "0"));
        Row("Epochs needed for a diagnosis", t.MinEpochs.ToString(CultureInfo.InvariantCulture));
        Row("Sanity: initial loss within this fraction of ln(classes)", Percent(t.InitialLossRelativeTolerance, "0"));
        Row("Sanity: initial accuracy within this of 1/classes (points)", Points(t.InitialAccuracyTolerance));
        Row("Effects: a difference is real when its confidence interval excludes zero", "95 % (Welch t)");
        html.Append("</tbody></table></details>");
    }
}
