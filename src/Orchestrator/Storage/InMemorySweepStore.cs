using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Storage;

/// <summary>The store's semantics without a file, for tests and for measuring the orchestration alone. One lock
/// makes every method atomic, which is what the SQLite store gets from its transactions.</summary>
public sealed class InMemorySweepStore : ISweepStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SweepRecord> _sweeps = [];
    private readonly Dictionary<(string SweepId, int Index), TrialRecord> _trials = [];
    private readonly Dictionary<(string SweepId, int Index), SortedDictionary<int, EpochRecord>> _epochs = [];
    private readonly Dictionary<string, List<SearchDecision>> _decisions = [];

    public Task CreateSweepAsync(SweepRecord sweep, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_sweeps.TryAdd(sweep.Id, sweep))
                throw StoreErrors.SweepExists(sweep.Id);
        }
        return Task.CompletedTask;
    }

    public Task<SweepRecord?> GetSweepAsync(string sweepId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_sweeps.GetValueOrDefault(sweepId));
    }

    public Task AddTrialsAsync(string sweepId, IReadOnlyList<PlannedTrial> trials,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_sweeps.ContainsKey(sweepId))
                throw StoreErrors.UnknownSweep(sweepId);
            var seen = new HashSet<int>();
            foreach (var trial in trials)
            {
                if (!seen.Add(trial.Index) || _trials.ContainsKey((sweepId, trial.Index)))
                    throw StoreErrors.TrialExists(sweepId, trial.Index);
            }
            foreach (var trial in trials)
                _trials[(sweepId, trial.Index)] = new TrialRecord(sweepId, trial, TrialState.Pending, 0, null, null,
                    null, null, null, null);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string sweepId,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<TrialRecord> trials = _trials.Values.Where(trial => trial.SweepId == sweepId)
                .OrderBy(trial => trial.Index).ToList();
            return Task.FromResult(trials);
        }
    }

    public Task<TrialRecord?> GetTrialAsync(string sweepId, int index, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_trials.GetValueOrDefault((sweepId, index)));
    }

    public Task<TrialRecord?> TryLeaseAsync(string sweepId, int index, string owner, DateTimeOffset now,
        DateTimeOffset expiresAt, string? promotion = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_trials.TryGetValue((sweepId, index), out var trial))
                return Task.FromResult<TrialRecord?>(null);
            var leasable = trial.State is TrialState.Pending or TrialState.Paused
                || (trial.State == TrialState.Running && trial.LeaseExpiresAt <= now);
            if (!leasable)
                return Task.FromResult<TrialRecord?>(null);
            var leased = trial with
            {
                State = TrialState.Running,
                Attempts = trial.State == TrialState.Paused ? trial.Attempts : trial.Attempts + 1,
                LeaseOwner = owner,
                LeaseExpiresAt = expiresAt,
                StartedAt = trial.StartedAt ?? now,
            };
            _trials[(sweepId, index)] = leased;
            if (trial.State == TrialState.Paused && _epochs.TryGetValue((sweepId, index), out var epochs)
                && epochs.Count > 0 && epochs.Values.Last() is { Decision.Action: StopAction.Pause } last)
                epochs[last.Metrics.Epoch] = last with { Decision = new StopDecision(StopAction.Promoted, promotion ?? "promoted") };
            return Task.FromResult<TrialRecord?>(leased);
        }
    }

    public Task<bool> RenewLeaseAsync(string sweepId, int index, string owner, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(UpdateHeld(sweepId, index, owner, trial => trial with { LeaseExpiresAt = expiresAt }));

    public Task<bool> AppendEpochAsync(string sweepId, int index, string owner, EpochMetrics metrics,
        StopDecision decision, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!IsHeldBy(sweepId, index, owner))
                return Task.FromResult(false);
            if (!_epochs.TryGetValue((sweepId, index), out var epochs))
                _epochs[(sweepId, index)] = epochs = [];
            epochs[metrics.Epoch] = new EpochRecord(index, metrics, decision, owner);
            return Task.FromResult(true);
        }
    }

    public Task<TrialRecord?> FinishAsync(string sweepId, int index, string owner, TrialState state,
        TrialResult? result, string? message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        StoreErrors.RequireFinished(state);
        return Task.FromResult(UpdatedHeld(sweepId, index, owner, trial => trial with
        {
            State = state,
            Result = result,
            Message = message,
            FinishedAt = now,
            LeaseOwner = null,
            LeaseExpiresAt = null,
        }));
    }

    public Task<bool> PauseAsync(string sweepId, int index, string owner, TrialResult? result, string message,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(UpdateHeld(sweepId, index, owner, trial => trial with
        {
            State = TrialState.Paused,
            Result = result,
            Message = message,
            LeaseOwner = null,
            LeaseExpiresAt = null,
        }));

    public Task<bool> ConcludePausedAsync(string sweepId, int index, string message, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_trials.TryGetValue((sweepId, index), out var trial) || trial.State != TrialState.Paused)
                return Task.FromResult(false);
            _trials[(sweepId, index)] = trial with { State = TrialState.Pruned, Message = message, FinishedAt = now };
            return Task.FromResult(true);
        }
    }

    public Task<bool> ReleaseAsync(string sweepId, int index, string owner, string? message, bool failed = false,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(UpdateHeld(sweepId, index, owner, trial => trial with
        {
            State = TrialState.Pending,
            Message = message,
            LeaseOwner = null,
            LeaseExpiresAt = null,
            Failures = trial.Failures + (failed ? 1 : 0),
        }));

    public Task<bool> RetryFailedAsync(string sweepId, int index, string message,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_trials.TryGetValue((sweepId, index), out var trial) || trial.State != TrialState.Failed)
                return Task.FromResult(false);
            _trials[(sweepId, index)] = trial with
            {
                State = TrialState.Pending, Failures = 0, Result = null, FinishedAt = null, Message = message,
            };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<EpochRecord>> GetEpochsAsync(string sweepId, int? trialIndex = null,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<EpochRecord> epochs = _epochs
                .Where(entry => entry.Key.SweepId == sweepId && (trialIndex is null || entry.Key.Index == trialIndex))
                .OrderBy(entry => entry.Key.Index)
                .SelectMany(entry => entry.Value.Values)
                .ToList();
            return Task.FromResult(epochs);
        }
    }

    public Task AddDecisionsAsync(string sweepId, IReadOnlyList<SearchDecision> decisions,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_decisions.TryGetValue(sweepId, out var recorded))
                _decisions[sweepId] = recorded = [];
            foreach (var decision in decisions.Where(d => !recorded.Any(r => r.Key == d.Key)))
                recorded.Add(decision);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SearchDecision>> GetDecisionsAsync(string sweepId,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SearchDecision> decisions = _decisions.TryGetValue(sweepId, out var recorded) ? [.. recorded] : [];
            return Task.FromResult(decisions);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private bool IsHeldBy(string sweepId, int index, string owner) =>
        _trials.TryGetValue((sweepId, index), out var trial)
        && trial.State == TrialState.Running && trial.LeaseOwner == owner;

    private bool UpdateHeld(string sweepId, int index, string owner, Func<TrialRecord, TrialRecord> change) =>
        UpdatedHeld(sweepId, index, owner, change) is not null;

    private TrialRecord? UpdatedHeld(string sweepId, int index, string owner, Func<TrialRecord, TrialRecord> change)
    {
        lock (_gate)
        {
            if (!IsHeldBy(sweepId, index, owner))
                return null;
            return _trials[(sweepId, index)] = change(_trials[(sweepId, index)]);
        }
    }
}
