using Sweep.Orchestrator.Storage;

namespace Sweep.ClusterBench;

/// <summary>Where a worker's time went between trials, from the store's own stamps (the grain's clock): held runs
/// from a trial's lease to its finish (reply to the slot, the zero-second run, the epoch report with its renewal, the
/// slot's check that the sweep is still active, the finish call); between runs from one finish to the same worker's
/// next lease (the finish's writes and reply, the slot's catalog read, the lease call waiting its turn at the
/// grain). Each trial's worker is the first part of the owner that recorded its epoch.</summary>
public sealed record SlotTimeline(TimeSpan MeanHeld, TimeSpan MedianHeld, TimeSpan MeanBetween,
    TimeSpan MedianBetween, int FewestTrials, int MostTrials, int Workers)
{
    public static SlotTimeline Of(IReadOnlyList<TrialRecord> trials, IReadOnlyList<EpochRecord> epochs)
    {
        var workerOf = epochs.Where(e => e.RecordedBy is not null)
            .GroupBy(e => e.TrialIndex)
            .ToDictionary(g => g.Key, g => g.First().RecordedBy!.Split('/')[0]);
        var byWorker = trials.Where(t => t.StartedAt is not null && t.FinishedAt is not null && workerOf.ContainsKey(t.Index))
            .GroupBy(t => workerOf[t.Index])
            .Select(g => g.OrderBy(t => t.StartedAt).ToList())
            .ToList();
        var held = byWorker.SelectMany(run => run.Select(t => t.FinishedAt!.Value - t.StartedAt!.Value)).ToList();
        var between = byWorker.SelectMany(run => run.Zip(run.Skip(1), (a, b) => b.StartedAt!.Value - a.FinishedAt!.Value))
            .ToList();
        return new SlotTimeline(Mean(held), Median(held), Mean(between), Median(between),
            byWorker.Count == 0 ? 0 : byWorker.Min(run => run.Count), byWorker.Count == 0 ? 0 : byWorker.Max(run => run.Count),
            byWorker.Count);
    }

    private static TimeSpan Mean(List<TimeSpan> spans) =>
        spans.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)spans.Average(s => s.Ticks));

    private static TimeSpan Median(List<TimeSpan> spans) =>
        spans.Count == 0 ? TimeSpan.Zero : spans.Order().ElementAt(spans.Count / 2);
}
