using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Scheduling;

public sealed record StatusSummary(IReadOnlyDictionary<TrialState, int> Counts, TrialRecord? Best, TimeSpan ComputeUsed,
    TimeSpan? EstimatedLeft);

/// <param name="Epochs">Epochs the store holds for the trial.</param>
/// <param name="Objective">The best objective of those epochs; null before the first.</param>
public sealed record TrialStatusLine(int Index, TrialState State, int Epochs, double? Objective, PlannedTrial Plan);

public static class SweepStatus
{
    /// <summary>One line per trial in index order, running trials with the best of the epochs they have recorded.</summary>
    public static IReadOnlyList<TrialStatusLine> Lines(IEnumerable<TrialRecord> trials, IEnumerable<EpochRecord> epochs,
        ObjectiveSpec objective)
    {
        var byTrial = epochs.ToLookup(e => e.TrialIndex);
        return trials.OrderBy(t => t.Index).Select(trial =>
        {
            double? best = null;
            foreach (var epoch in byTrial[trial.Index])
                if (objective.ValueOf(epoch.Metrics) is var value && objective.IsBetter(value, best))
                    best = value;
            return new TrialStatusLine(trial.Index, trial.State, byTrial[trial.Index].Count(), best, trial.Plan);
        }).ToList();
    }

    /// <param name="slotsWhenIdle">Slots the sweep was last started with, for the time left while nothing runs.</param>
    public static StatusSummary Summarize(IReadOnlyCollection<TrialRecord> trials, ObjectiveSpec objective,
        int slotsWhenIdle = 1)
    {
        var counts = Enum.GetValues<TrialState>().ToDictionary(s => s, s => trials.Count(t => t.State == s));
        var finished = trials.Where(t => t.State.IsFinished() && t.Result is not null).ToList();
        var used = TimeSpan.FromSeconds(finished.Sum(t => t.Result!.Seconds));
        var left = TimeLeft.Of(trials, slotsWhenIdle);
        return new StatusSummary(counts, SweepProjection.BestTrial(trials, objective), used, left);
    }
}
