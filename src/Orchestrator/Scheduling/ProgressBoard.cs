using System.Collections.Concurrent;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>What each local slot is doing right now, for the live display.</summary>
public sealed record RunningTrial(int Slot, int Index, string Label, int Epoch, int Epochs, int Batch, int Batches,
    double Loss, double? ValAccuracy);

public sealed class ProgressBoard
{
    private readonly ConcurrentDictionary<int, RunningTrial> running = new();

    public void Update(RunningTrial trial) => running[trial.Slot] = trial;

    public void Clear(int slot) => running.TryRemove(slot, out _);

    public IReadOnlyList<RunningTrial> Running => running.Values.OrderBy(t => t.Slot).ToList();
}
