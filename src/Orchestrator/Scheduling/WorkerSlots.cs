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
    TrialFailureLog failures, ILogger<WorkerSlots> logger) : BackgroundService
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

    /// <summary>Runs trials from the first of the sweeps that hands one out, for as long as it goes on handing them
    /// out with each finish; false when none had one.</summary>
    private async Task<bool> LeaseAndRunAsync(int slot, IReadOnlyList<string> sweeps, CancellationToken stoppingToken)
    {
        foreach (var sweepId in sweeps)
        {
            var grain = grains.GetGrain<ISweepGrain>(sweepId);
            var owner = NewOwner(slot);
            var lease = await GrainCalls.RetryAsync(() => grain.LeaseAsync(owner), Patience, time);
            var ran = false;
            while (lease?.Status == LeaseStatus.Assigned)
            {
                ran = true;
                (owner, lease) = await RunLeasedAsync(slot, sweepId, grain, owner, lease.Assignment!, stoppingToken);
            }
            if (lease?.Status == LeaseStatus.SweepFinished)
                await source.FinishedAsync(sweepId);
            if (ran)
                return true;
        }
        return false;
    }

    /// <summary>Unique per lease, so a report from an attempt whose lease expired can never pass for the current one.</summary>
    private string NewOwner(int slot) => $"{options.Value.HostName}/{Environment.ProcessId}/slot{slot}/{Guid.NewGuid():N}";

    /// <summary>Trains the leased trial and reports its end. When this sweep is also the next one the slot would
    /// ask, the finish brings the slot's next lease with it; otherwise (another sweep's turn, or the host
    /// stopping) the next lease is null and the slot asks round robin again.</summary>
    private async Task<(string Owner, LeaseResponse? Next)> RunLeasedAsync(int slot, string sweepId, ISweepGrain grain,
        string owner, TrialAssignment assignment, CancellationToken stoppingToken)
    {
        var place = await GrainCalls.RetryAsync(
            () => source.PlaceAsync(sweepId, assignment.Plan.Index, stoppingToken), Patience, time);
        var trial = new SlotTrial(slot, sweepId, owner, assignment, place.RunDirectory, grain, source, shelf,
            drain, Patience, time);
        var outcome = await RunTrialAsync(trial, place, stoppingToken);
        var index = assignment.Plan.Index;
        if (outcome is null)
        {
            await trial.Calls(async () =>
            {
                await grain.ReleaseAsync(index, owner, "stopped before the end");
                return true;
            });
            return (owner, null);
        }
        if (!await StaysWithAsync(sweepId, stoppingToken))
        {
            await trial.Calls(() => grain.FinishAsync(index, owner, outcome));
            return (owner, null);
        }
        var nextOwner = NewOwner(slot);
        var finished = await trial.Calls(() => grain.FinishAndLeaseAsync(index, owner, outcome, nextOwner));
        return (nextOwner, finished.Next);
    }

    private async Task<bool> StaysWithAsync(string sweepId, CancellationToken stoppingToken)
    {
        if (stoppingToken.IsCancellationRequested || drain.Draining)
            return false;
        var sweeps = await GrainCalls.RetryAsync(() => source.SweepsAsync(stoppingToken), Patience, time);
        return sweeps.Count > 0 && sweeps[0] == sweepId;
    }

    /// <summary>The trial's end as its slot saw it, or null when it stopped before its end (the host stopping).</summary>
    private async Task<TrialFinished?> RunTrialAsync(SlotTrial trial, TrialPlace place, CancellationToken stoppingToken)
    {
        var assignment = trial.Assignment;
        var index = assignment.Plan.Index;
        var observer = new SlotObserver(trial, board, notice => LogTrialNotice(trial.SweepId, index, notice));
        var runOptions = new TrialRunOptions(place.Threads, trial.Slot, place.RunDirectory, assignment.SpecFile,
            place.DataDirectory, CheckpointWriter: trial.Owner, AcceptedCheckpoints: assignment.Checkpoints,
            Gpu: plan.GpuOf(trial.Slot));
        using var heartbeat = new CancellationTokenSource();
        var heartbeatTask = HeartbeatAsync(trial, heartbeat.Token);
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
            return ToFinished(result);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failed = new TrialFinished(TrialState.Failed, null, OneLine(exception));
            failures.Failed(trial.SweepId, index, failed.Message!, exception);
            return failed;
        }
        finally
        {
            await heartbeat.CancelAsync();
            await heartbeatTask;
            board.Clear(trial.Slot);
        }
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

    /// <summary>A worker's message already names the exception it caught.</summary>
    private static string OneLine(Exception exception) => exception is Workers.TrialWorkerException
        ? exception.Message
        : $"{exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}";

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Sweep {SweepId} trial {Index}: {Notice}")]
    private partial void LogTrialNotice(string sweepId, int index, string notice);
}
