using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.EarlyStopping;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Grains;

/// <summary>Thin: every decision is made by pure code (strategy, early stopper, projection) over the history, and
/// every change, decisions included, is a conditional write to the store before the projection applies it. The
/// grain keeps nothing the store does not hold, so a grain rebuilt on any silo acts as this one would have.</summary>
public sealed partial class SweepGrain(ISweepStoreProvider stores, SpecLoader specs, TimeProvider time,
    IOptions<SweepOptions> options, ILogger<SweepGrain> logger) : Grain, ISweepGrain
{
    private ISweepStore store = null!;
    private SweepSpec spec = null!;
    private SweepProjection projection = null!;
    private ISearchStrategy strategy = null!;
    /// <summary>Each trial's resolved spec, a pure function of the sweep's spec and the trial's plan: resolving
    /// parses YAML, which would otherwise be most of a lease's cost.</summary>
    private readonly Dictionary<int, TrialSpec> resolved = new();
    /// <summary>Keys of the strategy's decisions already in the store, so each is written once.</summary>
    private readonly HashSet<string> recordedDecisions = new(StringComparer.Ordinal);
    private bool complete;

    private string SweepId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        store = stores.For(SweepId);
        var sweep = await store.GetSweepAsync(SweepId, cancellationToken)
            ?? throw new InvalidOperationException($"sweep {SweepId} is not in its store");
        spec = specs.Read(sweep.SpecText, sweep.SpecPath);
        strategy = SearchStrategies.For(spec.Search.Strategy);
        projection = SweepProjection.Load(spec.Baseline.Objective, await store.GetTrialsAsync(SweepId, cancellationToken),
            await store.GetEpochsAsync(SweepId, cancellationToken: cancellationToken));
        recordedDecisions.UnionWith((await store.GetDecisionsAsync(SweepId, cancellationToken)).Select(d => d.Key));
        await PlanMoreAsync();
        LogActivated(SweepId, options.Value.HostName, projection.Trials.Count);
    }

    public async Task<LeaseResponse> LeaseAsync(string owner)
    {
        var now = time.GetUtcNow();
        // Lazy: the loop returns as soon as it has changed the projection, and a lease is usually the first candidate.
        foreach (var (candidate, promotion) in Candidates(now))
            if (await TryLeaseAsync(candidate, promotion, owner, now) is { } leased)
                return leased;
        if (!projection.HasActive && projection.HasPaused)
        {
            await ConcludePausedAsync();
            return await LeaseAsync(owner);
        }
        // Once complete, nothing can change (no trial runs, the strategy proposes nothing), so every slot that
        // asks afterwards is answered without replaying the plan again.
        complete = complete || (projection.AllFinished && strategy.IsComplete(spec, projection.Observations));
        return new LeaseResponse(complete ? LeaseStatus.SweepFinished : LeaseStatus.NothingYet, null);
    }

    private async Task<LeaseResponse?> TryLeaseAsync(int candidate, string? promotion, string owner, DateTimeOffset now)
    {
        var leased = await store.TryLeaseAsync(SweepId, candidate, owner, now, now + options.Value.LeaseDuration,
            promotion);
        if (leased is null)
            return null;
        if (promotion is not null)
            projection.ApplyPromotion(candidate, promotion);
        projection.Apply(leased);
        LogLeased(candidate, owner, leased.Attempts);
        var trialSpec = Resolved(leased.Index);
        return new LeaseResponse(LeaseStatus.Assigned,
            new TrialAssignment(leased.Plan, trialSpec, leased.Attempts, spec.SourcePath,
                projection.RecordedEpochs(leased.Index), projection.AcceptedCheckpoints(leased.Index)));
    }

    /// <summary>Waiting trials first, then the paused trials the stopper promotes, with the reason recorded for
    /// each promotion; once nothing is pending or running, the best paused trial of each rung may still go on.</summary>
    private IEnumerable<(int Index, string? Promotion)> Candidates(DateTimeOffset now)
    {
        foreach (var trial in projection.Leasable(now))
            yield return (trial.Index, null);
        foreach (var index in Promotable(rungsFinal: false))
            yield return (index, $"promoted from rung {projection.RecordedEpochs(index)}");
        if (!projection.HasActive)
            foreach (var index in Promotable(rungsFinal: true))
                yield return (index, $"promoted from rung {projection.RecordedEpochs(index)} once no other trial could reach it");
    }

    private IReadOnlyList<int> Promotable(bool rungsFinal) => projection.HasPaused
        ? Stopper().Promotable(spec.Search.EarlyStopping, spec.Baseline.Objective, projection.Paused,
            projection.ObjectiveCurves, rungsFinal)
        : [];

    private IEarlyStopper Stopper() =>
        EarlyStoppers.For(spec.Search.EarlyStopping.Policy, trialsWaiting: projection.HasPending);

    /// <summary>No trial can reach a rung any more and none of the paused ones is promotable: they end pruned
    /// with the result they reached, and an adaptive strategy may then plan its next round.</summary>
    private async Task ConcludePausedAsync()
    {
        var stopper = Stopper();
        foreach (var index in projection.Paused)
        {
            var message = stopper.Conclusion(projection.RecordedEpochs(index));
            if (await store.ConcludePausedAsync(SweepId, index, message, time.GetUtcNow()))
                LogFinished(index, TrialState.Pruned, projection.Get(index)?.Result?.BestObjective);
            projection.Apply((await store.GetTrialAsync(SweepId, index))!);
        }
        await PlanMoreAsync();
    }

    /// <summary>Records the epoch with its decision and writer in one write. An epoch judged before gets the
    /// decision stored then; a replay of the recorded epoch a trial resumed from changes nothing, so the record
    /// keeps naming the writer of that checkpoint.</summary>
    public async Task<EpochDecision> ReportEpochAsync(int index, string owner, EpochMetrics metrics)
    {
        var stored = projection.DecisionAt(index, metrics.Epoch);
        if (stored is not null && projection.EpochAt(index, metrics.Epoch) == metrics)
            return await RenewAsync(index, owner) && !stored.Stop ? EpochDecision.Continue : EpochDecision.Stop;
        var decision = stored ?? Decide(index, metrics);
        if (!await store.AppendEpochAsync(SweepId, index, owner, metrics, decision))
            return EpochDecision.Stop;
        projection.Apply(index, metrics, decision, owner);
        // Heartbeats renew the lease; an epoch renews it too when fewer than half of it is left (no heartbeat, or
        // a heartbeat lost), so a slow epoch never loses its trial.
        if (projection.Get(index)?.LeaseExpiresAt is not { } expires
            || expires - time.GetUtcNow() < options.Value.LeaseDuration / 2)
            await RenewAsync(index, owner);
        if (!decision.Stop)
            return EpochDecision.Continue;
        if (decision.Action == StopAction.Pause)
            LogPaused(index, metrics.Epoch, decision.Reason);
        else
            LogPruned(index, metrics.Epoch, decision.Reason);
        return EpochDecision.Stop;
    }

    private StopDecision Decide(int index, EpochMetrics metrics)
    {
        if (spec.Search.EarlyStopping.Policy == EarlyStoppingPolicy.None)
            return StopDecision.Continue("early stopping is off");
        if (metrics.Epoch >= EpochsOf(index))
            return StopDecision.Continue("the trial's last epoch");
        return Stopper().ShouldStop(spec.Search.EarlyStopping, spec.Baseline.Objective, index, metrics.Epoch,
            projection.ObjectiveCurvesWith(index, metrics));
    }

    /// <summary>A trial that ran all its epochs completes; early stopping only judges the epochs before its last.</summary>
    private int EpochsOf(int index) => Resolved(index).Training.Epochs;

    private TrialSpec Resolved(int index)
    {
        if (!resolved.TryGetValue(index, out var trialSpec))
            resolved[index] = trialSpec = specs.Resolve(spec, projection.Get(index)!.Plan);
        return trialSpec;
    }

    public async Task<bool> RenewAsync(int index, string owner)
    {
        var expires = time.GetUtcNow() + options.Value.LeaseDuration;
        if (!await store.RenewLeaseAsync(SweepId, index, owner, expires))
            return false;
        projection.Apply(projection.Get(index)! with { LeaseExpiresAt = expires });
        return true;
    }

    public async Task<bool> FinishAsync(int index, string owner, TrialFinished finished)
    {
        var trial = projection.Get(index);
        if (trial is null)
            return false;
        if (finished.State == TrialState.Failed && trial.Failures < spec.Search.Retries)
        {
            // Refused like any other finish when the lease has passed to another slot.
            if (!await TryReleaseAsync(index, owner, $"retrying after: {finished.Message}", failed: true))
                return false;
            LogRetrying(index, trial.Failures + 1, finished.Message);
            return true;
        }
        var stop = finished.State == TrialState.Pruned && projection.LastDecision(index) is { Stop: true } last
            ? last with { Reason = $"{(last.Action == StopAction.Pause ? "paused" : "pruned")} at epoch {projection.RecordedEpochs(index)}: {last.Reason}" }
            : null;
        if (stop?.Action == StopAction.Pause)
            return await PauseAsync(index, owner, finished.Result, stop.Reason);
        var message = stop?.Reason ?? finished.Message;
        if (await store.FinishAsync(SweepId, index, owner, finished.State, finished.Result, message, time.GetUtcNow())
            is not { } finishedTrial)
            return false;
        projection.Apply(finishedTrial);
        LogFinished(index, finished.State, finished.Result?.BestObjective);
        // While trials wait to be leased the slots have work and a strategy has nothing new to say (its proposals
        // wait on finished trials), so asking it — which replays the whole plan — is left until the queue is empty.
        if (!projection.HasPending)
            await PlanMoreAsync();
        return true;
    }

    /// <summary>When another trial waits, its lease goes to the store together with this finish (they write
    /// different trials, so neither changes the other; through Redis the two travel in one round trip). Otherwise
    /// the finish comes first: it may plan the trials the lease then hands out, or put a failed trial with retries
    /// left back in line, where it comes before the trials after it.</summary>
    public async Task<FinishResponse> FinishAndLeaseAsync(int index, string owner, TrialFinished finished,
        string nextOwner)
    {
        var now = time.GetUtcNow();
        if (finished.State == TrialState.Failed
            || projection.Leasable(now).FirstOrDefault(trial => trial.Index != index) is not { } waiting)
            return new(await FinishAsync(index, owner, finished), await LeaseAsync(nextOwner));
        var finishing = FinishAsync(index, owner, finished);
        var leased = await TryLeaseAsync(waiting.Index, null, nextOwner, now);
        var accepted = await finishing;
        return new(accepted, leased ?? await LeaseAsync(nextOwner));
    }

    private async Task<bool> PauseAsync(int index, string owner, TrialResult? result, string reason)
    {
        if (!await store.PauseAsync(SweepId, index, owner, result, reason))
            return false;
        projection.Apply((await store.GetTrialAsync(SweepId, index))!);
        return true;
    }

    public Task ReleaseAsync(int index, string owner, string? reason) => TryReleaseAsync(index, owner, reason);

    private async Task<bool> TryReleaseAsync(int index, string owner, string? reason, bool failed = false)
    {
        if (!await store.ReleaseAsync(SweepId, index, owner, reason, failed))
            return false;
        projection.Apply((await store.GetTrialAsync(SweepId, index))!);
        return true;
    }

    public Task<SweepProgress> GetProgressAsync() => Task.FromResult(projection.Progress());

    /// <summary>Adaptive strategies plan from results; static ones planned everything up front and add nothing. The
    /// decisions behind new trials are stored before the trials, so no trial is ever without its reason.</summary>
    private async Task PlanMoreAsync()
    {
        var decisions = strategy.Decisions(spec, projection.Observations)
            .Where(decision => !recordedDecisions.Contains(decision.Key))
            .ToList();
        if (decisions.Count > 0)
        {
            await store.AddDecisionsAsync(SweepId, decisions);
            recordedDecisions.UnionWith(decisions.Select(decision => decision.Key));
        }
        var proposed = strategy.Propose(spec, projection.Observations);
        if (proposed.Count == 0)
            return;
        await store.AddTrialsAsync(SweepId, proposed);
        foreach (var trial in await store.GetTrialsAsync(SweepId))
            projection.Apply(trial);
    }

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Sweep {SweepId} is held on {Host} ({Trials} trials in its store)")]
    private partial void LogActivated(string sweepId, string host, int trials);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Trial {Index} leased to {Owner} (attempt {Attempt})")]
    private partial void LogLeased(int index, string owner, int attempt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Trial {Index} pruned at epoch {Epoch}: {Reason}")]
    private partial void LogPruned(int index, int epoch, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Trial {Index} paused at epoch {Epoch}: {Reason}")]
    private partial void LogPaused(int index, int epoch, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Trial {Index} finished {State} (objective {Objective})")]
    private partial void LogFinished(int index, TrialState state, double? objective);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Trial {Index} failed ({Failure} failure so far), retrying from its last checkpoint: {Reason}")]
    private partial void LogRetrying(int index, int failure, string? reason);
}
