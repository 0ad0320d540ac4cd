using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Tests.Live;

/// <summary>A store whose next read of a sweep's epochs, once <see cref="Hold"/> is called, reads them and then waits
/// for <see cref="Release"/> before answering: a reader that is slow between reading the store and using what it
/// read, as a render of a large sweep is.</summary>
internal sealed class HeldEpochReadStore(ISweepStore inner) : ISweepStore
{
    private TaskCompletionSource? held;
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held read has read the store and waits.</summary>
    public Task Reading => held?.Task ?? throw new InvalidOperationException("nothing is held");

    public void Hold() => held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => release.TrySetResult();

    public async Task<IReadOnlyList<EpochRecord>> GetEpochsAsync(string sweepId, int? trialIndex = null,
        CancellationToken cancellationToken = default)
    {
        var epochs = await inner.GetEpochsAsync(sweepId, trialIndex, cancellationToken);
        if (trialIndex is null && held is { Task.IsCompleted: false } reading)
        {
            reading.SetResult();
            await release.Task.WaitAsync(cancellationToken);
        }
        return epochs;
    }

    public Task CreateSweepAsync(SweepRecord sweep, CancellationToken cancellationToken = default) =>
        inner.CreateSweepAsync(sweep, cancellationToken);

    public Task<SweepRecord?> GetSweepAsync(string sweepId, CancellationToken cancellationToken = default) =>
        inner.GetSweepAsync(sweepId, cancellationToken);

    public Task AddTrialsAsync(string sweepId, IReadOnlyList<PlannedTrial> trials, CancellationToken cancellationToken = default) =>
        inner.AddTrialsAsync(sweepId, trials, cancellationToken);

    public Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string sweepId, CancellationToken cancellationToken = default) =>
        inner.GetTrialsAsync(sweepId, cancellationToken);

    public Task<TrialRecord?> GetTrialAsync(string sweepId, int index, CancellationToken cancellationToken = default) =>
        inner.GetTrialAsync(sweepId, index, cancellationToken);

    public Task<TrialRecord?> TryLeaseAsync(string sweepId, int index, string owner, DateTimeOffset now,
        DateTimeOffset expiresAt, string? promotion = null, CancellationToken cancellationToken = default) =>
        inner.TryLeaseAsync(sweepId, index, owner, now, expiresAt, promotion, cancellationToken);

    public Task<bool> RenewLeaseAsync(string sweepId, int index, string owner, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default) =>
        inner.RenewLeaseAsync(sweepId, index, owner, expiresAt, cancellationToken);

    public Task<bool> AppendEpochAsync(string sweepId, int index, string owner, EpochMetrics metrics, StopDecision decision,
        CancellationToken cancellationToken = default) =>
        inner.AppendEpochAsync(sweepId, index, owner, metrics, decision, cancellationToken);

    public Task<TrialRecord?> FinishAsync(string sweepId, int index, string owner, TrialState state, TrialResult? result,
        string? message, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        inner.FinishAsync(sweepId, index, owner, state, result, message, now, cancellationToken);

    public Task<bool> PauseAsync(string sweepId, int index, string owner, TrialResult? result, string message,
        CancellationToken cancellationToken = default) =>
        inner.PauseAsync(sweepId, index, owner, result, message, cancellationToken);

    public Task<bool> ConcludePausedAsync(string sweepId, int index, string message, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        inner.ConcludePausedAsync(sweepId, index, message, now, cancellationToken);

    public Task<bool> ReleaseAsync(string sweepId, int index, string owner, string? message, bool failed = false,
        CancellationToken cancellationToken = default) =>
        inner.ReleaseAsync(sweepId, index, owner, message, failed, cancellationToken);

    public Task<bool> RetryFailedAsync(string sweepId, int index, string message,
        CancellationToken cancellationToken = default) =>
        inner.RetryFailedAsync(sweepId, index, message, cancellationToken);

    public Task AddDecisionsAsync(string sweepId, IReadOnlyList<SearchDecision> decisions,
        CancellationToken cancellationToken = default) =>
        inner.AddDecisionsAsync(sweepId, decisions, cancellationToken);

    public Task<IReadOnlyList<SearchDecision>> GetDecisionsAsync(string sweepId, CancellationToken cancellationToken = default) =>
        inner.GetDecisionsAsync(sweepId, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
