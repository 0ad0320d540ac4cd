namespace Sweep.Orchestrator.Contracts;

/// <summary>Paused: stopped at an ASHA rung with the result it reached, waiting to be promoted (leased again to
/// continue from its checkpoint) or, once no more trials can reach that rung, recorded as pruned.</summary>
public enum TrialState { Pending, Running, Completed, Pruned, Diverged, Failed, Paused }

public static class TrialStates
{
    public static bool IsFinished(this TrialState state) =>
        state is TrialState.Completed or TrialState.Pruned or TrialState.Diverged or TrialState.Failed;
}
