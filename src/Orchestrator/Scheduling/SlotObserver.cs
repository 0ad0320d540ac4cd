using Sweep.Orchestrator.Contracts;
using Sweep.Trials.Checkpoints;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>Bridges a slot's training thread to the sweep: every epoch's checkpoint is shelved and the epoch recorded
/// before the next one starts, and the answer is the grain's decision, or yield once the host drains or the sweep
/// was cancelled.</summary>
internal sealed class SlotObserver(SlotTrial trial, ProgressBoard board, Action<string> notice) : ITrialObserver
{
    private readonly string label = Label(trial.Assignment);
    private double? lastValAccuracy;

    private int Index => trial.Assignment.Plan.Index;
    private int Epochs => trial.Assignment.Spec.Training.Epochs;

    public void OnBatch(int epoch, int batch, int batchCount, double meanLoss) =>
        board.Update(new RunningTrial(trial.Slot, Index, label, epoch, Epochs, batch, batchCount, meanLoss,
            lastValAccuracy));

    public EpochDecision OnEpoch(EpochMetrics metrics)
    {
        lastValAccuracy = metrics.ValAccuracy;
        board.Update(new RunningTrial(trial.Slot, Index, label, metrics.Epoch, Epochs, 0, 0, metrics.TrainLoss,
            lastValAccuracy));
        return Report(metrics).GetAwaiter().GetResult();
    }

    public void OnNotice(string message) => notice(message);

    private async Task<EpochDecision> Report(EpochMetrics metrics)
    {
        var file = Path.Combine(CheckpointStore.DirectoryIn(trial.RunDirectory),
            CheckpointStore.FileName(metrics.Epoch, trial.Owner));
        // Shelved first: an epoch the store accepts always has its checkpoint where the next holder looks.
        if (File.Exists(file))
            await trial.Calls(() => trial.Shelf.KeepAsync(trial.SweepId, Index, trial.Owner, metrics.Epoch, file,
                CancellationToken.None));
        var decision = await trial.Calls(() => trial.Grain.ReportEpochAsync(Index, trial.Owner, metrics));
        if (decision != EpochDecision.Continue)
            return decision;
        return trial.Drain.Draining || !await trial.Source.IsActiveAsync(trial.SweepId) ? EpochDecision.Yield : decision;
    }

    private static string Label(TrialAssignment assignment) => assignment.Plan.Changes.Count == 0
        ? "baseline"
        : string.Join(", ", assignment.Plan.Changes.Select(c => $"{c.Path}={c.Value}"));
}

/// <summary>One leased trial as its slot holds it.</summary>
/// <param name="Patience">How long calls to the cluster are retried before the slot gives up.</param>
internal sealed record SlotTrial(int Slot, string SweepId, string Owner, TrialAssignment Assignment,
    string RunDirectory, ISweepGrain Grain, IWorkSource Source, ICheckpointShelf Shelf, SlotDrain Drain,
    TimeSpan Patience, TimeProvider Time)
{
    public Task<T> Calls<T>(Func<Task<T>> call) => GrainCalls.RetryAsync(call, Patience, Time);
}
