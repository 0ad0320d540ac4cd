using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>The one estimate of a sweep's time left, for the live view, the progress line and <c>sweep status</c>:
/// the trials not yet finished, in waves of as many as run at once, each wave as long as the mean finished trial.
/// "At once" is the trials running now, or when none runs, the slots the sweep was last started with.</summary>
public static class TimeLeft
{
    /// <param name="finishedSeconds">Training time of the finished trials together.</param>
    /// <returns>Null before any trial has finished: there is nothing to go by.</returns>
    public static TimeSpan? Estimate(int finished, double finishedSeconds, int unfinished, int parallel)
    {
        if (finished == 0)
            return null;
        var waves = Math.Ceiling((double)unfinished / Math.Max(1, parallel));
        return TimeSpan.FromSeconds(waves * finishedSeconds / finished);
    }

    public static TimeSpan? Of(SweepProgress progress, int slotsWhenIdle) =>
        Estimate(progress.Counts.Where(c => c.Key.IsFinished()).Sum(c => c.Value), progress.FinishedSeconds,
            progress.Planned - progress.Counts.Where(c => c.Key.IsFinished()).Sum(c => c.Value),
            Parallel(progress.Counts.GetValueOrDefault(TrialState.Running), slotsWhenIdle));

    public static TimeSpan? Of(IReadOnlyCollection<TrialRecord> trials, int slotsWhenIdle)
    {
        var finished = trials.Where(t => t.State.IsFinished()).ToList();
        return Estimate(finished.Count, finished.Sum(t => t.Result?.Seconds ?? 0), trials.Count - finished.Count,
            Parallel(trials.Count(t => t.State == TrialState.Running), slotsWhenIdle));
    }

    private static int Parallel(int running, int slotsWhenIdle) => running > 0 ? running : Math.Max(1, slotsWhenIdle);
}
