using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Storage;
using Sweep.Reports.Analysis;
using Sweep.Trials.Checkpoints;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>The sweep as its history says it is: trial records and per-epoch metrics, with the views the strategy,
/// the early-stopping rule and the progress display read. Plain state, driven by the grain and by tests alike.</summary>
public sealed class SweepProjection(ObjectiveSpec objective)
{
    private readonly SortedDictionary<int, TrialRecord> trials = new();
    private readonly Dictionary<int, List<EpochMetrics>> epochs = new();
    private readonly Dictionary<(int Index, int Epoch), StopDecision> decisions = new();
    private readonly Dictionary<(int Index, int Epoch), string> writers = new();
    /// <summary>Pending, running and paused trials, so leasing and the end-of-sweep check never walk the finished ones —
    /// in a sweep of thousands of trials those scans cost more than the trials.</summary>
    private readonly SortedSet<int> unfinished = new();

    public IReadOnlyCollection<TrialRecord> Trials => trials.Values;

    public static SweepProjection Load(ObjectiveSpec objective, IEnumerable<TrialRecord> trials,
        IEnumerable<EpochRecord> epochs)
    {
        var projection = new SweepProjection(objective);
        foreach (var trial in trials)
            projection.Apply(trial);
        foreach (var epoch in epochs.OrderBy(e => e.TrialIndex).ThenBy(e => e.Metrics.Epoch))
            projection.Apply(epoch.TrialIndex, epoch.Metrics, epoch.Decision, epoch.RecordedBy);
        return projection;
    }

    public void Apply(TrialRecord trial)
    {
        trials[trial.Index] = trial;
        if (trial.State.IsFinished())
            unfinished.Remove(trial.Index);
        else
            unfinished.Add(trial.Index);
    }

    /// <summary>Records an epoch as the store did. A re-run epoch replaces the later ones in the curve, but the
    /// decisions stored for those later epochs stay: a trial replaying them must meet the same decisions.</summary>
    public void Apply(int index, EpochMetrics metrics, StopDecision? decision, string? recordedBy = null)
    {
        if (!epochs.TryGetValue(index, out var list))
            epochs[index] = list = [];
        list.RemoveAll(e => e.Epoch >= metrics.Epoch);
        list.Add(metrics);
        if (decision is not null)
            decisions[(index, metrics.Epoch)] = decision;
        if (recordedBy is not null)
            writers[(index, metrics.Epoch)] = recordedBy;
    }

    /// <summary>The epoch as recorded, if it is in the trial's curve.</summary>
    public EpochMetrics? EpochAt(int index, int epoch) =>
        epochs.TryGetValue(index, out var list) ? list.Find(e => e.Epoch == epoch) : null;

    /// <summary>The checkpoints a resumed trial may use: those of its recorded epochs, by the writer recorded.</summary>
    public IReadOnlyList<CheckpointRef> AcceptedCheckpoints(int index) =>
        epochs.TryGetValue(index, out var list)
            ? list.Where(e => writers.ContainsKey((index, e.Epoch)))
                .Select(e => new CheckpointRef(e.Epoch, writers[(index, e.Epoch)])).ToList()
            : [];

    /// <summary>The decision stored after the trial's epoch, if it was judged.</summary>
    public StopDecision? DecisionAt(int index, int epoch) => decisions.GetValueOrDefault((index, epoch));

    /// <summary>The decision after the trial's last recorded epoch.</summary>
    public StopDecision? LastDecision(int index) =>
        epochs.TryGetValue(index, out var list) && list.Count > 0 ? DecisionAt(index, list[^1].Epoch) : null;

    /// <summary>A promotion changes the stored decision at the trial's rung from Pause to Promoted.</summary>
    public void ApplyPromotion(int index, string reason)
    {
        if (LastDecision(index) is { Action: StopAction.Pause } && epochs[index] is { Count: > 0 } list)
            decisions[(index, list[^1].Epoch)] = new StopDecision(StopAction.Promoted, reason);
    }

    public int RecordedEpochs(int index) => epochs.TryGetValue(index, out var list) ? list.Count : 0;

    public TrialRecord? Get(int index) => trials.GetValueOrDefault(index);

    /// <summary>Trials a slot may take now: pending ones, and running ones whose lease ran out — lowest index first.
    /// A lease has run out at its expiry instant, as the stores' conditional lease decides.</summary>
    public IEnumerable<TrialRecord> Leasable(DateTimeOffset now) => unfinished.Select(index => trials[index]).Where(t =>
        t.State == TrialState.Pending || (t.State == TrialState.Running && t.LeaseExpiresAt <= now));

    public bool HasPending => unfinished.Any(index => trials[index].State == TrialState.Pending);

    /// <summary>Some trial is pending or running, so it may still reach a rung that paused trials wait at.</summary>
    public bool HasActive => unfinished.Any(index => trials[index].State is TrialState.Pending or TrialState.Running);

    public bool HasPaused => unfinished.Any(index => trials[index].State == TrialState.Paused);

    public IReadOnlyList<int> Paused => unfinished.Where(index => trials[index].State == TrialState.Paused).ToList();

    public bool AllFinished => unfinished.Count == 0;

    public IReadOnlyList<TrialObservation> Observations => trials.Values
        .Select(t => new TrialObservation(t.Plan, t.State, FinalObjective(t)))
        .ToList();

    public IReadOnlyDictionary<int, IReadOnlyList<double>> ObjectiveCurves => epochs.ToDictionary(
        e => e.Key, e => (IReadOnlyList<double>)e.Value.Select(objective.ValueOf).ToList());

    /// <summary>The curves as they will be once <paramref name="metrics"/> is recorded for trial
    /// <paramref name="index"/>: what early stopping judges before the epoch and its decision are written together.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<double>> ObjectiveCurvesWith(int index, EpochMetrics metrics)
    {
        var curves = epochs.Where(e => e.Key != index).ToDictionary(
            e => e.Key, e => (IReadOnlyList<double>)e.Value.Select(objective.ValueOf).ToList());
        var own = epochs.TryGetValue(index, out var list) ? list.Where(e => e.Epoch < metrics.Epoch) : [];
        curves[index] = own.Append(metrics).Select(objective.ValueOf).ToList();
        return curves;
    }

    public SweepProgress Progress()
    {
        var counts = Enum.GetValues<TrialState>().ToDictionary(s => s, s => trials.Values.Count(t => t.State == s));
        var best = BestTrial(trials.Values, objective);
        var finishedSeconds = trials.Values.Where(t => t.State.IsFinished()).Sum(t => t.Result?.Seconds ?? 0);
        return new SweepProgress(counts, trials.Count, AllFinished, best?.Index, best is null ? null : FinalObjective(best),
            finishedSeconds);
    }

    /// <summary>The best trial as <see cref="Ranking"/> defines it, for the progress line and <c>sweep status</c>.</summary>
    public static TrialRecord? BestTrial(IEnumerable<TrialRecord> trials, ObjectiveSpec objective) =>
        Ranking.BestTrial(trials.OrderBy(t => t.Index), Rank, objective.Mode == ObjectiveMode.Max);

    /// <summary>A trial as the ranking sees it; the report ranks its own view of the same records alike.</summary>
    public static RankedTrial Rank(TrialRecord trial) => new(trial.Plan.ConfigKey, FinalObjective(trial),
        trial.State is TrialState.Pruned or TrialState.Paused, trial.Result?.Epochs.Count ?? 0);

    /// <summary>The objective a trial is ranked by, wherever it is ranked: its result's best epoch (pruned and paused
    /// trials included, as ASHA and Optuna rank them by what they reached); none for a trial that failed or
    /// diverged.</summary>
    public static double? FinalObjective(TrialRecord trial) =>
        trial.State is TrialState.Completed or TrialState.Pruned or TrialState.Paused ? trial.Result?.BestObjective : null;
}
