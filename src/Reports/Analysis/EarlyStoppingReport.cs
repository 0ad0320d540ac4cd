using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>A trial that stopped at an epoch before its last: paused (waiting at an ASHA rung) or pruned, with the
/// reason the store recorded for that epoch and, for a pruned trial, the message it ended with.</summary>
public sealed record StoppedTrial(TrialInfo Trial, string State, string Reason);

/// <param name="Epoch">A rung (ASHA) or an epoch at which the median rule pruned a trial.</param>
/// <param name="Reached">Trials that recorded this epoch.</param>
/// <param name="WentOn">Trials that recorded a later epoch.</param>
/// <param name="Promoted">Trials paused here and later let go on (stored as promoted).</param>
public sealed record StoppingRow(int Epoch, int Reached, int WentOn, int Promoted, IReadOnlyList<StoppedTrial> Stopped)
{
    public int Paused => Stopped.Count(s => s.State == TrialStates.Paused);
    public int Pruned => Stopped.Count(s => s.State == TrialStates.Pruned);
}

/// <param name="Rungs">ASHA: grace × reduction^k below the longest plan; empty for other policies.</param>
/// <param name="EpochsPlanned">Null when some trial's plan is not known.</param>
public sealed record EarlyStoppingReport(EarlyStoppingInfo Policy, IReadOnlyList<int> Rungs, IReadOnlyList<StoppingRow> Rows,
    long EpochsTrained, long? EpochsPlanned, int FullBudget, int TrialCount);

/// <summary>What early stopping did, read from the decisions the store recorded per epoch and the trials' states;
/// nothing here decides again.</summary>
public static class EarlyStoppingAnalysis
{
    public static EarlyStoppingReport Analyze(EarlyStoppingInfo policy, IReadOnlyList<TrialInfo> trials)
    {
        var longest = trials.Select(t => t.PlannedEpochs ?? t.Epochs.Count).DefaultIfEmpty(0).Max();
        var rungs = policy.Policy == EarlyStoppingPolicies.Asha ? Rungs(policy, longest) : [];
        var stopped = trials.Where(t => t.State is TrialStates.Pruned or TrialStates.Paused && t.Epochs.Count > 0).ToList();
        var epochs = rungs.Count > 0 ? rungs : stopped.Select(t => t.Epochs.Count).Distinct().Order().ToList();
        var rows = epochs.Select(epoch => new StoppingRow(
                epoch,
                trials.Count(t => t.Epochs.Count >= epoch),
                trials.Count(t => t.Epochs.Count > epoch),
                trials.Count(t => DecisionAt(t, epoch)?.Action == StopActions.Promoted),
                stopped.Where(t => t.Epochs.Count == epoch).Select(Stopped).ToList()))
            .ToList();
        var planned = trials.All(t => t.PlannedEpochs.HasValue) ? trials.Sum(t => (long)t.PlannedEpochs!.Value) : (long?)null;
        return new EarlyStoppingReport(policy, rungs, rows, trials.Sum(t => (long)t.Epochs.Count), planned,
            trials.Count(t => t.HadFullBudget && t.Epochs.Count > 0), trials.Count);
    }

    /// <summary>The policy's rungs as its parameters define them (the stopper's own arithmetic): grace × reduction^k.</summary>
    public static IReadOnlyList<int> Rungs(EarlyStoppingInfo policy, int longestPlan)
    {
        var rungs = new List<int>();
        if (policy.GraceEpochs < 1 || policy.Reduction < 2) return rungs;
        for (long rung = policy.GraceEpochs; rung < longestPlan; rung *= policy.Reduction) rungs.Add((int)rung);
        return rungs;
    }

    private static StopDecisionInfo? DecisionAt(TrialInfo trial, int epoch) => trial.Decisions.FirstOrDefault(d => d.Epoch == epoch);

    private static StoppedTrial Stopped(TrialInfo trial)
    {
        var decision = DecisionAt(trial, trial.Epochs.Count)?.Reason;
        var reason = (decision, trial.Message) switch
        {
            ({ } d, { } m) when trial.State == TrialStates.Pruned && m != d => $"{d}; {m}",
            ({ } d, _) => d,
            (_, { } m) => m,
            _ => "no reason recorded",
        };
        return new StoppedTrial(trial, trial.State, reason);
    }
}
