using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Search;

public static class SweepPlanner
{
    /// <summary>The trials a new sweep starts with (what <c>sweep plan</c> shows): the whole plan for static
    /// strategies, round 0 for adaptive OFAT.</summary>
    public static IReadOnlyList<PlannedTrial> InitialPlan(SweepSpec spec) =>
        SearchStrategies.For(spec.Search.Strategy).Propose(spec, []);
}
