using System.Text;
using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class SummarySection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var a = page.Analysis;
        var sweep = a.Input.Sweep;
        html.Append("<header id=\"summary\">");
        html.Append($"<h1>{E(sweep.Name)}</h1>");
        html.Append($"<p class=\"subtitle\">Sweep <code>{E(sweep.Id)}</code> · {E(sweep.Strategy)} on {E(sweep.Dataset)} · objective {E(sweep.ObjectiveMetric)} ({(sweep.Maximize ? "maximize" : "minimize")}) · created {E(sweep.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", System.Globalization.CultureInfo.InvariantCulture))}</p>");

        html.Append("<div class=\"cards\">");
        Card(html, "Best", a.Summary.Best is { } best
            ? $"<b>{MetricSpread(best.Objective, page.Scale)}</b><br>{E(Configuration(best.Config))}"
            : "no trial has an objective yet");
        Card(html, "Trials", $"<b>{Count(a.Summary.TrialCount)}</b><br>" + string.Join(" ",
            a.Summary.StateCounts.Select(s => $"{StateBadge(s.Key)} {Count(s.Value)}")));
        var parallelism = sweep.WallSeconds > 0 ? $" (×{sweep.ComputeSeconds / sweep.WallSeconds:0.0} parallel)" : "";
        Card(html, "Time", $"<b>{Duration(sweep.WallSeconds)}</b> wall<br>{Duration(sweep.ComputeSeconds)} compute{parallelism}");
        Card(html, "Hosts", sweep.Hosts.Count == 0 ? "none recorded" : string.Join("<br>", sweep.Hosts.Select(E)));
        html.Append("</div>");

        Findings(html, page);
        Failures(html, page);
        if (a.Summary.Best is { } top)
        {
            var trial = top.BestTrial;
            html.Append($"<p>Best trial: <b>#{trial.Index}</b> (repeat {trial.Repeat}, seed {trial.Seed}) of configuration <code>{E(top.Config.ConfigKey)}</code>: {E(Configuration(top.Config))}.</p>");
        }
        html.Append($"<p>Reproduce this sweep:</p><pre><code>{E(sweep.ReproduceCommand)}</code></pre>");
        html.Append("</header>\n");
    }

    private static string StoppedEarly(IEnumerable<DiagnosedTrial> trials) =>
        trials.Count(d => TrialProgress.StoppedEarly(d.Trial)) is var stopped and > 0 ? $" ({Count(stopped)} of them stopped early)" : "";

    /// <summary>Every failed trial with the first line of its message; the full trace is in the sweep's log.</summary>
    private static void Failures(StringBuilder html, PageContext page)
    {
        var failed = page.Analysis.Input.Trials.Where(t => t.State == TrialStates.Failed).OrderBy(t => t.Index).ToList();
        if (failed.Count == 0)
            return;
        html.Append($"<p>{Plural(failed.Count, "trial")} failed:</p><ul class=\"failures\">");
        foreach (var trial in failed)
            html.Append($"<li>#{trial.Index}: {E(FailureLine.Of(trial.Message))}</li>");
        html.Append("</ul>");
    }

    private static void Card(StringBuilder html, string title, string body) =>
        html.Append($"<div class=\"card\"><h3>{E(title)}</h3><p>{body}</p></div>");

    /// <summary>The three or four things a reader should know before scrolling.</summary>
    private static void Findings(StringBuilder html, PageContext page)
    {
        var a = page.Analysis;
        var items = new List<string>();
        var flagged = a.RankedDiagnoses.Where(d => d.Diagnosis.Severity >= 1 && d.Diagnosis.Kind != DiagnosisKind.Healthy)
            .GroupBy(d => d.Diagnosis.Kind).OrderBy(g => g.Key).ToList();
        items.Add(flagged.Count == 0
            ? "No trial's curves show overfitting, high bias or instability."
            : "Curves flag " + string.Join(", ", flagged.Select(g => $"{Plural(g.Count(), "trial")} {g.Key.Label()}{StoppedEarly(g)}")) + ".");
        var order = new ObjectiveOrder(a.Input.Sweep.Maximize);
        if (a.Effects.FirstOrDefault() is { } bestChange && order.Improvement(bestChange.DeltaObjective) > 0)
            items.Add($"Most helpful single change: <code>{E(string.Join(", ", bestChange.Changes.Select(Change)))}</code> {Delta(bestChange.DeltaObjective, page.Scale)} ({Evidence.Verdict(bestChange.Verdict)}).");
        if (a.Importance.Parameters.FirstOrDefault(p => p.Share.HasValue) is { } important)
            items.Add($"Largest main effect: <code>{E(important.Path)}</code> alone explains {Percent(important.Share)} of the objective's variance (fANOVA, see <a href=\"#importance\">importance</a>).");
        var sanity = a.Sanity.Count(s => s.Flagged);
        if (sanity > 0) items.Add($"{Plural(sanity, "trial")} failed a sanity check — see <a href=\"#sanity\">sanity checks</a>.");
        html.Append("<ul class=\"findings\">").Append(string.Concat(items.Select(i => $"<li>{i}</li>"))).Append("</ul>");
    }
}
