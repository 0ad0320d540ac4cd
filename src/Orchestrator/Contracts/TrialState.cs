namespace Sweep.Orchestrator.Contracts;

public enum TrialState { Pending, Running, Completed, Pruned, Diverged, Failed }

public static class TrialStates
{
    public static bool IsFinished(this TrialState state) =>
        state is TrialState.Completed or TrialState.Pruned or TrialState.Diverged or TrialState.Failed;
}
