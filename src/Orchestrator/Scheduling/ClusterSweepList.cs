using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>One sweep of a cluster as <c>sweep list</c> prints it and the live view's index shows it.</summary>
/// <param name="Name">The baseline's name, or null when the store lost the sweep's record.</param>
/// <param name="Best">The best trial and its objective (by <see cref="SweepStatus"/>), "none yet", or "-".</param>
public sealed record ClusterSweepLine(string SweepId, string? Name, SweepLifecycle State, DateTimeOffset SubmittedAt,
    int Finished, int Total, string Best);

public static class ClusterSweepList
{
    /// <summary>Every sweep the catalog holds, in the order submitted.</summary>
    public static async Task<IReadOnlyList<ClusterSweepLine>> ReadAsync(ISweepCatalog catalog, ISweepStore store,
        CancellationToken cancellation)
    {
        var lines = new List<ClusterSweepLine>();
        foreach (var entry in await catalog.ListAsync(cancellation))
        {
            var trials = await store.GetTrialsAsync(entry.SweepId, cancellation);
            var sweep = await store.GetSweepAsync(entry.SweepId, cancellation);
            lines.Add(new ClusterSweepLine(entry.SweepId, sweep?.Name, entry.State, entry.SubmittedAt,
                trials.Count(t => t.State.IsFinished()), trials.Count, Best(sweep, trials)));
        }
        return lines;
    }

    private static string Best(SweepRecord? sweep, IReadOnlyList<TrialRecord> trials)
    {
        if (sweep is null)
            return "-";
        var objective = new Specs.SpecLoader().Read(sweep.SpecText, sweep.SpecPath).Baseline.Objective;
        return SweepStatus.Summarize(trials, objective).Best is { } best
            ? $"trial {best.Index}: {best.Result!.BestObjective:G4}"
            : "none yet";
    }
}
