using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sweep.Orchestrator.Contracts;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>This host's worker slots: each asks the sweep grain for a trial, trains it on a thread of its own
/// (intra-op thread counts are per thread), reports every epoch and the end, and asks again until the sweep is done.</summary>
public sealed partial class WorkerSlots(IGrainFactory grains, SweepTarget target, SlotPlan plan,
    ITrialExecutor executor, ProgressBoard board, TimeProvider time, IOptions<SweepOptions> options,
    ILogger<WorkerSlots> logger) : BackgroundService
{
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every slot has stopped: the sweep finished or the host is stopping.</summary>
    public Task Completion => finished.Task;

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
        var sweep = grains.GetGrain<ISweepGrain>(target.SweepId);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Unique per lease, so a report from an attempt whose lease expired can never pass for the current one.
            var owner = $"{Environment.MachineName}/{Environment.ProcessId}/slot{slot}/{Guid.NewGuid():N}";
            var lease = await sweep.LeaseAsync(owner);
            switch (lease.Status)
            {
                case LeaseStatus.SweepFinished:
                    return;
                case LeaseStatus.NothingYet:
                    await DelayAsync(options.Value.IdlePoll, stoppingToken);
                    continue;
            }
            await RunTrialAsync(slot, owner, sweep, lease.Assignment!, stoppingToken);
        }
    }

    private async Task RunTrialAsync(int slot, string owner, ISweepGrain sweep, TrialAssignment assignment,
        CancellationToken stoppingToken)
    {
        var index = assignment.Plan.Index;
        var observer = new SlotObserver(slot, assignment, sweep, owner, board,
            notice => LogTrialNotice(index, notice));
        var runOptions = new TrialRunOptions(plan.ThreadsPerSlot, slot, target.TrialDirectory(index),
            assignment.SpecFile, target.DataDirectory, CheckpointWriter: owner,
            AcceptedCheckpoints: assignment.Checkpoints);
        using var heartbeat = new CancellationTokenSource();
        var heartbeatTask = HeartbeatAsync(sweep, index, owner, heartbeat.Token);
        TrialFinished? outcome;
        try
        {
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
            LogTrialFailed(index, outcome.Message!);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await heartbeatTask;
            board.Clear(slot);
        }
        if (outcome is null)
            await sweep.ReleaseAsync(index, owner, "stopped by the user");
        else
            await sweep.FinishAsync(index, owner, outcome);
    }

    private static TrialFinished? ToFinished(TrialResult result) => result.Outcome switch
    {
        TrialOutcome.Completed or TrialOutcome.EarlyStopped => new(TrialState.Completed, result, result.Message),
        TrialOutcome.Pruned => new(TrialState.Pruned, result, $"pruned at epoch {result.StoppedAtEpoch}"),
        TrialOutcome.Diverged => new(TrialState.Diverged, result, result.Message),
        TrialOutcome.Failed => new(TrialState.Failed, result, result.Message),
        TrialOutcome.Cancelled => null,
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    private async Task HeartbeatAsync(ISweepGrain sweep, int index, string owner, CancellationToken token)
    {
        while (await DelayAsync(options.Value.HeartbeatInterval, token))
            await sweep.RenewAsync(index, owner);
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

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Trial {Index} failed: {Reason}")]
    private partial void LogTrialFailed(int index, string reason);

    /// <summary>Bridges the training thread to the grain: every epoch is recorded before the next one starts.</summary>
    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Trial {Index}: {Notice}")]
    private partial void LogTrialNotice(int index, string notice);

    private sealed class SlotObserver(int slot, TrialAssignment assignment, ISweepGrain sweep, string owner,
        ProgressBoard board, Action<string> notice) : ITrialObserver
    {
        private readonly string label = Label(assignment);
        private double? lastValAccuracy;
        private int lastEpoch;

        public void OnBatch(int epoch, int batch, int batchCount, double meanLoss) =>
            board.Update(new RunningTrial(slot, assignment.Plan.Index, label, epoch, assignment.Spec.Training.Epochs,
                batch, batchCount, meanLoss, lastValAccuracy));

        public EpochDecision OnEpoch(EpochMetrics metrics)
        {
            lastValAccuracy = metrics.ValAccuracy;
            lastEpoch = metrics.Epoch;
            board.Update(new RunningTrial(slot, assignment.Plan.Index, label, lastEpoch,
                assignment.Spec.Training.Epochs, 0, 0, metrics.TrainLoss, lastValAccuracy));
            return sweep.ReportEpochAsync(assignment.Plan.Index, owner, metrics).GetAwaiter().GetResult();
        }

        public void OnNotice(string message) => notice(message);

        private static string Label(TrialAssignment assignment) => assignment.Plan.Changes.Count == 0
            ? "baseline"
            : string.Join(", ", assignment.Plan.Changes.Select(c => $"{c.Path}={c.Value}"));
    }
}
