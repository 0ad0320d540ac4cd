using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sweep.Orchestrator.Contracts;
using Sweep.Trials.Checkpoints;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>This host's worker slots: each asks a sweep's grain for a trial (the sweeps its work source names, in
/// turn), trains it on a thread of its own (intra-op thread counts are per thread), reports every epoch and the
/// end, and asks again, until the work source has nothing left or the host stops.</summary>
public sealed partial class WorkerSlots(IGrainFactory grains, IWorkSource source, ICheckpointShelf shelf,
    SlotDrain drain, SlotPlan plan, ITrialExecutor executor, ProgressBoard board, TimeProvider time, IOptions<SweepOptions> options,
    ILogger<WorkerSlots> logger) : BackgroundService
{
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every slot has stopped: the sweeps finished or the host is stopping.</summary>
    public Task Completion => finished.Task;

    /// <summary>Cluster calls are retried for two lease durations: longer, and the trial is someone else's anyway.</summary>
    private TimeSpan Patience => options.Value.LeaseDuration * 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, plan.Slots).Select(slot => RunSlotAsync(slot, stoppingToken)));
            finished.TrySetResult();
        }
        catch (Exception exception)
        {
            finished.TrySetException(exception);
        }
    }

    private async Task RunSlotAsync(int slot, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && !drain.Draining)
        {
            var sweeps = await GrainCalls.RetryAsync(() => source.SweepsAsync(stoppingToken), Patience, time);
            if (sweeps.Count == 0 && source.StopWhenDone)
                return;
            if (!await LeaseAndRunAsync(slot, sweeps, stoppingToken))
                await DelayAsync(options.Value.IdlePoll, stoppingToken);
        }
    }

    /// <summary>Runs the first trial one of the sweeps hands out; false when none had one.</summary>
    private async Task<bool> LeaseAndRunAsync(int slot, IReadOnlyList<string> sweeps, CancellationToken stoppingToken)
    {
        foreach (var sweepId in sweeps)
        {
            // Unique per lease, so a report from an attempt whose lease expired can never pass for the current one.
            var owner = $"{options.Value.HostName}/{Environment.ProcessId}/slot{slot}/{Guid.NewGuid():N}";
            var grain = grains.GetGrain<ISweepGrain>(sweepId);
            var lease = await GrainCalls.RetryAsync(() => grain.LeaseAsync(owner), Patience, time);
            if (lease.Status == LeaseStatus.SweepFinished)
                await source.FinishedAsync(sweepId);
            if (lease.Status != LeaseStatus.Assigned)
                continue;
            var assignment = lease.Assignment!;
            var place = await GrainCalls.RetryAsync(
                () => source.PlaceAsync(sweepId, assignment.Plan.Index, stoppingToken), Patience, time);
            var trial = new SlotTrial(slot, sweepId, owner, assignment, place.RunDirectory, grain, source, shelf,
                drain, Patience, time);
            await RunTrialAsync(trial, place, stoppingToken);
            return true;
        }
        return false;
    }

    private async Task RunTrialAsync(SlotTrial trial, TrialPlace place, CancellationToken stoppingToken)
    {
        var assignment = trial.Assignment;
        var index = assignment.Plan.Index;
        var observer = new SlotObserver(trial, board, notice => LogTrialNotice(trial.SweepId, index, notice));
        var runOptions = new TrialRunOptions(place.Threads, trial.Slot, place.RunDirectory, assignment.SpecFile,
            place.DataDirectory, CheckpointWriter: trial.Owner, AcceptedCheckpoints: assignment.Checkpoints,
            Gpu: plan.GpuOf(trial.Slot));
        using var heartbeat = new CancellationTokenSource();
        var heartbeatTask = HeartbeatAsync(trial, heartbeat.Token);
        TrialFinished? outcome;
        try
        {
            await trial.Calls(async () =>
            {
                await shelf.FetchAsync(trial.SweepId, index, assignment.Checkpoints,
                    CheckpointStore.DirectoryIn(place.RunDirectory), stoppingToken);
                return true;
            });
            var result = await Task.Factory.StartNew(
                () => executor.Run(assignment, runOptions, observer, stoppingToken),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            outcome = ToFinished(result);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            outcome = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            outcome = new TrialFinished(TrialState.Failed, null, OneLine(exception));
            LogTrialFailed(trial.SweepId, index, outcome.Message!);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await heartbeatTask;
            board.Clear(trial.Slot);
        }
        if (outcome is null)
            await trial.Calls(async () =>
            {
                await trial.Grain.ReleaseAsync(index, trial.Owner, "stopped before the end");
                return true;
            });
        else
            await trial.Calls(() => trial.Grain.FinishAsync(index, trial.Owner, outcome));
    }

    /// <summary>A trial stopped because its sweep was cancelled, or by the host, goes back as pending.</summary>
    private static TrialFinished? ToFinished(TrialResult result) => result.Outcome switch
    {
        TrialOutcome.Completed or TrialOutcome.EarlyStopped => new(TrialState.Completed, result, result.Message),
        TrialOutcome.Pruned => new(TrialState.Pruned, result, $"pruned at epoch {result.StoppedAtEpoch}"),
        TrialOutcome.Diverged => new(TrialState.Diverged, result, result.Message),
        TrialOutcome.Failed => new(TrialState.Failed, result, result.Message),
        TrialOutcome.Cancelled => null,
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    private async Task HeartbeatAsync(SlotTrial trial, CancellationToken token)
    {
        while (await DelayAsync(options.Value.HeartbeatInterval, token))
        {
            try
            {
                await trial.Grain.RenewAsync(trial.Assignment.Plan.Index, trial.Owner);
            }
            catch (Exception error) when (GrainCalls.IsTransient(error))
            {
                // The next beat tries again; the lease outlives several missed ones.
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, time, token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string OneLine(Exception exception) =>
        $"{exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}";

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Sweep {SweepId} trial {Index} failed: {Reason}")]
    private partial void LogTrialFailed(string sweepId, int index, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Sweep {SweepId} trial {Index}: {Notice}")]
    private partial void LogTrialNotice(string sweepId, int index, string notice);
}
