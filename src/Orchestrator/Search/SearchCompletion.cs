using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Search;

public static class SearchCompletion
{
    /// <summary>What "complete" means for every strategy: nothing running or pending, and nothing more to propose
    /// (a strategy that waits for results only waits on unfinished trials).</summary>
    public static bool IsComplete(ISearchStrategy strategy, SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        history.All(observation => observation.State.IsFinished()) && strategy.Propose(spec, history).Count == 0;
}
