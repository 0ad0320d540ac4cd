using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

public static class TrialProgress
{
    /// <summary>Running or pending: its last epoch is not where training will end.</summary>
    public static bool IsUnfinished(TrialInfo trial) => trial.State is TrialStates.Running or TrialStates.Pending or TrialStates.Paused;
}
