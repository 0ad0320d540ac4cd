using System.Globalization;
using System.Text;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Specs;
using static Sweep.Reports.Html.Text;

namespace Sweep.Orchestrator.Live;

/// <summary>The live page's first section: what the store says is happening now. Counts, time used and the estimate
/// of time left are <c>sweep status</c>'s own (<see cref="SweepStatus"/>); the running trials show the slot and host
/// that hold them and their last recorded epoch.</summary>
public static class LiveStatusSection
{
    public const string Id = "live";

    public static string Render(IReadOnlyList<TrialRecord> trials, IReadOnlyList<EpochRecord> epochs,
        ObjectiveSpec objective, DateTimeOffset now)
    {
        var summary = SweepStatus.Summarize(trials, objective);
        var lines = SweepStatus.Lines(trials, epochs, objective).ToDictionary(l => l.Index);
        var lastEpoch = epochs.GroupBy(e => e.TrialIndex).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Metrics.Epoch)!.Metrics);
        var html = new StringBuilder(4096);
        html.Append($"<section id=\"{Id}\"><h2>Now</h2>");
        var finished = trials.Count(t => t.State.IsFinished());
        html.Append($"<p class=\"lead\">{Count(finished)} of {Plural(trials.Count, "trial")} finished: ");
        html.Append(string.Join(" ", summary.Counts.Where(c => c.Value > 0)
            .Select(c => $"{StateBadge(State(c.Key))} {Count(c.Value)}")));
        html.Append($". Compute used {E(Duration(summary.ComputeUsed.TotalSeconds))}; time left ");
        html.Append(summary.EstimatedLeft is { } left
            ? $"about {E(Duration(left.TotalSeconds))} (the trials left in waves of {Plural(Math.Max(1, summary.Counts[TrialState.Running]), "trial")} at once, each as long as the mean finished trial)"
            : "unknown until a trial finishes");
        html.Append($". Read from the store at {now.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}.</p>");
        var running = trials.Where(t => t.State == TrialState.Running).OrderBy(t => t.Index).ToList();
        if (running.Count == 0)
        {
            html.Append("<p class=\"empty\">No trial is running.</p></section>\n");
            return html.ToString();
        }
        html.Append("<div class=\"table-wrap\"><table class=\"sortable\" id=\"live-running\"><thead><tr><th>trial</th><th>change</th>"
            + $"<th>host</th><th>slot</th><th>epoch</th><th>train loss</th><th>val loss</th><th>val accuracy</th><th>best {E(EnumSpelling.Format(objective.Metric))}</th></tr></thead><tbody>");
        foreach (var trial in running)
        {
            var (host, slot) = Holder(trial.LeaseOwner);
            var epoch = lastEpoch.GetValueOrDefault(trial.Index);
            var line = lines[trial.Index];
            html.Append($"<tr data-trial=\"{trial.Index}\"><td class=\"num\">{trial.Index}</td><td>{E(trial.Plan.Description)}</td>"
                + $"<td>{E(host)}</td><td>{E(slot)}</td><td class=\"num live-epoch\">{line.Epochs}</td>"
                + $"<td class=\"num\">{Number(epoch?.TrainLoss, "0.0000")}</td><td class=\"num\">{Number(epoch?.ValLoss, "0.0000")}</td>"
                + $"<td class=\"num\">{Percent(epoch?.ValAccuracy, "0.00")}</td><td class=\"num\">{Number(line.Objective, "0.####")}</td></tr>");
        }
        html.Append("</tbody></table></div></section>\n");
        return html.ToString();
    }

    private static string State(TrialState state) => state.ToString().ToLowerInvariant();

    /// <summary>A lease owner is <c>host/process/slotN/lease</c>.</summary>
    private static (string Host, string Slot) Holder(string? owner)
    {
        var parts = owner?.Split('/') ?? [];
        return (parts.Length > 0 ? parts[0] : "–",
            parts.Length > 2 && parts[2].StartsWith("slot", StringComparison.Ordinal) ? parts[2][4..] : "–");
    }
}
