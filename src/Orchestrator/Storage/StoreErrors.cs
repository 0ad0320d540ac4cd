using Sweep.Orchestrator.Contracts;

namespace Sweep.Orchestrator.Storage;

/// <summary>The refusals every store raises with the same words, so callers and the contract tests do not depend
/// on which store is behind the interface.</summary>
internal static class StoreErrors
{
    public static InvalidOperationException SweepExists(string sweepId) =>
        new($"sweep '{sweepId}' is already stored");

    public static InvalidOperationException UnknownSweep(string sweepId) =>
        new($"sweep '{sweepId}' is not stored; create it before adding trials");

    public static InvalidOperationException TrialExists(string sweepId, int index) =>
        new($"sweep '{sweepId}': trial {index} is already stored");

    public static void RequireFinished(TrialState state)
    {
        if (!state.IsFinished())
            throw new ArgumentOutOfRangeException(nameof(state), state,
                "a trial can only finish as Completed, Pruned, Diverged or Failed");
    }
}
