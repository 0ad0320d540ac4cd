using System.Text;
using Sweep.Reports.Analysis;
using Sweep.Reports.Plots;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class CurvesSection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var a = page.Analysis;
        PageContext.Section(html, "curves", "Learning curves",
            "Training (blue) and validation (orange) per epoch: the best trial, the baseline and the worst overfitting trials, then every trial in leaderboard order.",
            () =>
            {
                var highlights = CurveSelection.Highlights(a.Leaderboard, a.RankedDiagnoses, page.Limits.WorstOverfittingCurves);
                if (highlights.Count == 0) { PageContext.Empty(html, "No trial has finished an epoch yet."); return; }
                foreach (var pick in highlights)
                {
                    var trial = pick.Trial;
                    var diagnosis = a.Diagnoses[trial.Index];
                    var config = a.ConfigOf(trial);
                    html.Append($"<figure class=\"pair\"><figcaption><b>Trial #{trial.Index}</b> — {E(pick.Reason)} {Badge(diagnosis.Kind)}<br><span class=\"muted\">{E(Configuration(config))}</span></figcaption>");
                    html.Append("<div class=\"row\">")
                        .Append(page.Svg(LearningCurvePlot.Build(trial.Epochs, CurveMetric.Loss, diagnosis, "loss"), 520, 300, $"loss curves of trial {trial.Index}"))
                        .Append(page.Svg(LearningCurvePlot.Build(trial.Epochs, CurveMetric.Accuracy, diagnosis, "accuracy"), 520, 300, $"accuracy curves of trial {trial.Index}"))
                        .Append("</div></figure>");
                }

                var withCurves = CurveSelection.WithCurves(a.Input.Trials);
                var shown = CurveSelection.SmallMultiples(a.Leaderboard, page.Limits.SmallMultiples);
                html.Append($"<h3>All trials (loss)</h3><p class=\"muted\">Showing {Count(shown.Count)} of {Count(withCurves)} trials with curves");
                html.Append(shown.Count < withCurves ? $", best-ranked first; the page draws at most {page.Limits.SmallMultiples}." : ".");
                var single = CurveSelection.SingleEpoch(a.Input.Trials);
                html.Append(single > 0 ? $" {Plural(single, "trial")} recorded one epoch only, which makes no curve; the leaderboard has {(single == 1 ? "its" : "their")} numbers.</p>" : "</p>");
                html.Append("<div class=\"multiples\">");
                foreach (var trial in shown)
                {
                    var diagnosis = a.Diagnoses[trial.Index];
                    html.Append($"<figure class=\"small\">")
                        .Append(page.Svg(LearningCurvePlot.Build(trial.Epochs, CurveMetric.Loss, diagnosis, null, compact: true), 240, 150, $"loss curves of trial {trial.Index}"))
                        .Append($"<figcaption>#{trial.Index} {Badge(diagnosis.Kind)}<br><span class=\"muted\" title=\"{E(Configuration(a.ConfigOf(trial)))}\">{E(Shorten(Configuration(a.ConfigOf(trial)), 34))}</span></figcaption></figure>");
                }
                html.Append("</div>");
            });
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
