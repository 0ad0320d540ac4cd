using System.Text;
using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

/// <summary>The early-stopping policy, what it did at each rung, and why each stopped trial stopped, all as the
/// store recorded it.</summary>
public static class EarlyStoppingSection
{
    /// <summary>Stopped trials listed per rung; beyond this the count stands for the rest.</summary>
    public const int ListedPerRow = 200;

    public static void Write(StringBuilder html, PageContext page)
    {
        var report = page.Analysis.EarlyStopping;
        PageContext.Section(html, "early-stopping", "Early stopping", Policy(report.Policy), () =>
        {
            html.Append($"<p>{Budget(report)} {E(Ranking.Rule)}</p>");
            if (!report.Policy.IsOn) return;
            if (report.Rows.Count == 0)
            {
                PageContext.Empty(html, report.Rungs.Count == 0 ? "No trial has been stopped early." : "No trial has reached a rung yet.");
                return;
            }
            WriteTable(html, report);
            foreach (var row in report.Rows.Where(r => r.Stopped.Count > 0)) WriteStopped(html, row);
        });
    }

    private static string Policy(EarlyStoppingInfo p) => p.Policy switch
    {
        EarlyStoppingPolicies.Asha =>
            $"Asynchronous successive halving (ASHA; Li et al. 2018): rungs at epochs {p.GraceEpochs} × {p.Reduction}^k. At each rung a trial goes on when its best objective so far is among the best 1/{p.Reduction} of the trials that reached the rung; the others pause there, waiting for promotion, and end pruned once no other trial can reach the rung. Grace epochs {p.GraceEpochs}, reduction factor {p.Reduction}.",
        EarlyStoppingPolicies.Median =>
            $"The median stopping rule (Golovin et al. 2017, Google Vizier): from epoch {p.GraceEpochs} on, a trial is pruned when its best objective so far is worse than the median of the other trials' running averages at the same epoch, once at least {p.MinTrials} other trials reached it. Grace epochs {p.GraceEpochs}, minimum trials {p.MinTrials}.",
        _ => "Early stopping was off: every trial was to run its planned epochs; only a diverged or failed trial ends before.",
    };

    private static string Budget(EarlyStoppingReport r)
    {
        var planned = r.EpochsPlanned is { } total && total > 0
            ? $" of {Count(total)} planned ({Percent((double)r.EpochsTrained / total)})"
            : "";
        return $"The trials trained {Count(r.EpochsTrained)} epochs{planned}; {Plural(r.FullBudget, "trial")} of {Count(r.TrialCount)} trained their whole budget.";
    }

    private static void WriteTable(StringBuilder html, EarlyStoppingReport report)
    {
        var asha = report.Rungs.Count > 0;
        html.Append($"<h3>{(asha ? "Rungs" : "Epochs at which trials were pruned")}</h3>")
            .Append("<table class=\"compact\"><thead><tr><th>Epoch</th><th>Reached it</th><th>Went on</th>")
            .Append(asha ? "<th>Of those, promoted after a pause</th><th>Waiting (paused)</th>" : "")
            .Append("<th>Pruned here</th></tr></thead><tbody>");
        foreach (var row in report.Rows)
            html.Append($"<tr><td class=\"num\">{row.Epoch}</td><td class=\"num\">{Count(row.Reached)}</td><td class=\"num\">{Count(row.WentOn)}</td>")
                .Append(asha ? $"<td class=\"num\">{Count(row.Promoted)}</td><td class=\"num\">{Count(row.Paused)}</td>" : "")
                .Append($"<td class=\"num\">{Count(row.Pruned)}</td></tr>");
        html.Append("</tbody></table>");
        html.Append("<p class=\"muted\">“Reached” counts trials that recorded the epoch, “went on” those that recorded a later one; the reasons below are the decisions the sweep stored after each trial's last epoch.</p>");
    }

    private static void WriteStopped(StringBuilder html, StoppingRow row)
    {
        var listed = row.Stopped.Take(ListedPerRow).ToList();
        html.Append($"<details><summary>Stopped at epoch {row.Epoch}: {Plural(row.Stopped.Count, "trial")}</summary>")
            .Append("<table><thead><tr><th>Trial</th><th>State</th><th>Why</th></tr></thead><tbody>");
        foreach (var s in listed)
            html.Append($"<tr><td class=\"num\">#{s.Trial.Index}</td><td>{StateBadge(s.State)}</td><td>{E(s.Reason)}</td></tr>");
        html.Append("</tbody></table>");
        if (listed.Count < row.Stopped.Count)
            html.Append($"<p class=\"muted\">The first {listed.Count} by trial number; {Count(row.Stopped.Count - listed.Count)} more stopped here.</p>");
        html.Append("</details>");
    }
}
