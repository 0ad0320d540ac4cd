using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Storage;

/// <param name="Settings">How the sweep was started; null for sweeps recorded before settings were kept.</param>
public sealed record SweepRecord(
    string Id,
    string Name,
    string SpecPath,
    string SpecText,
    string Strategy,
    string PlanHash,
    DateTimeOffset CreatedAt,
    RunSettings? Settings = null);

/// <param name="Attempts">Leases taken, a promotion excepted.</param>
/// <param name="Failures">Attempts that failed and were retried: what a spec's retries bound.</param>
public sealed record TrialRecord(
    string SweepId,
    PlannedTrial Plan,
    TrialState State,
    int Attempts,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    TrialResult? Result,
    string? Message,
    int Failures = 0)
{
    public int Index => Plan.Index;
}

/// <param name="Decision">What early stopping decided after the epoch; null only in sweeps recorded before
/// decisions were stored.</param>
/// <param name="RecordedBy">The lease owner whose report the store accepted: the writer of the only checkpoint of
/// that epoch a resumed trial may use. Null in sweeps recorded before writers were stored.</param>
public sealed record EpochRecord(int TrialIndex, EpochMetrics Metrics, StopDecision? Decision = null,
    string? RecordedBy = null);

/// <summary>Where a sweep lives. Every state change of a trial goes through a conditional write here, so the
/// store alone decides who holds a trial and a late report from an expired lease is refused.</summary>
public interface ISweepStore : IAsyncDisposable
{
    Task CreateSweepAsync(SweepRecord sweep, CancellationToken cancellationToken = default);
    Task<SweepRecord?> GetSweepAsync(string sweepId, CancellationToken cancellationToken = default);

    /// <summary>Adds trials as pending. Indices already stored are refused with an exception.</summary>
    Task AddTrialsAsync(string sweepId, IReadOnlyList<PlannedTrial> trials, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string sweepId, CancellationToken cancellationToken = default);
    Task<TrialRecord?> GetTrialAsync(string sweepId, int index, CancellationToken cancellationToken = default);

    /// <summary>Leases a trial that is pending, paused, or running under a lease that expired before
    /// <paramref name="now"/>. Counts an attempt, except for a paused trial, whose promotion continues the same
    /// attempt, and sets StartedAt on the first one. Leasing a paused trial also turns the Pause decision of its
    /// last epoch into Promoted with <paramref name="promotion"/> as the reason, in the same write. Returns the
    /// leased record, or null if refused.</summary>
    Task<TrialRecord?> TryLeaseAsync(string sweepId, int index, string owner, DateTimeOffset now,
        DateTimeOffset expiresAt, string? promotion = null, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease; false when <paramref name="owner"/> no longer holds it.</summary>
    Task<bool> RenewLeaseAsync(string sweepId, int index, string owner, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default);

    /// <summary>Records (or overwrites, for a re-run epoch) one epoch's metrics with the early-stopping decision made
    /// after it and the owner that reported it, in one write; false when the lease is not held.</summary>
    Task<bool> AppendEpochAsync(string sweepId, int index, string owner, EpochMetrics metrics, StopDecision decision,
        CancellationToken cancellationToken = default);

    /// <summary>Records the trial's final state and result once. Returns the finished record, or null when the
    /// lease is not held or the trial already finished.</summary>
    Task<TrialRecord?> FinishAsync(string sweepId, int index, string owner, TrialState state, TrialResult? result,
        string? message, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Parks the trial at an ASHA rung: not running, holding the result it reached, until it is promoted
    /// (leased again) or concluded. False when the lease is not held.</summary>
    Task<bool> PauseAsync(string sweepId, int index, string owner, TrialResult? result, string message,
        CancellationToken cancellationToken = default);

    /// <summary>Records a paused trial that will not be promoted as pruned, keeping its result; false unless the
    /// trial is paused.</summary>
    Task<bool> ConcludePausedAsync(string sweepId, int index, string message, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>Gives the trial back as pending: stopped by the user or interrupted, or, with
    /// <paramref name="failed"/>, failed with retries left, which counts one more failure. Only failures use up
    /// retries, so stopping and resuming a sweep never does.</summary>
    Task<bool> ReleaseAsync(string sweepId, int index, string owner, string? message, bool failed = false,
        CancellationToken cancellationToken = default);

    /// <summary>Puts a failed trial back as pending with its failures forgotten and its result dropped, keeping
    /// its epochs and checkpoints to resume from; false unless the trial is failed.</summary>
    Task<bool> RetryFailedAsync(string sweepId, int index, string message,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EpochRecord>> GetEpochsAsync(string sweepId, int? trialIndex = null,
        CancellationToken cancellationToken = default);

    /// <summary>Records what the search strategy decided. A decision whose key is already stored keeps its first
    /// record: what was decided when it was decided.</summary>
    Task AddDecisionsAsync(string sweepId, IReadOnlyList<SearchDecision> decisions,
        CancellationToken cancellationToken = default);

    /// <summary>The recorded decisions in the order they were first recorded; empty for a sweep recorded before
    /// decisions were stored.</summary>
    Task<IReadOnlyList<SearchDecision>> GetDecisionsAsync(string sweepId, CancellationToken cancellationToken = default);
}
