using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

public static class TrialProgress
{
    /// <summary>Running or pending: its last epoch is not where training will end.</summary>
    public static bool IsUnfinished(TrialInfo trial) => trial.State is TrialStates.Running or TrialStates.Pending or TrialStates.Paused;

    /// <summary>Pruned or paused by early stopping before its planned epochs: its last epoch is not where a trial
    /// that ran its budget ends, so its errors there are not comparable with theirs.</summary>
    public static bool StoppedEarly(TrialInfo trial) =>
        trial.State is TrialStates.Pruned or TrialStates.Paused && !trial.HadFullBudget;
}
