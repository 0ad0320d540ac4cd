using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>Adaptive OFAT (coordinate ascent), as replayed by <see cref="AdaptivePath"/>. With <c>Interactions</c>
/// K &gt; 0, once the path has stopped, the pairs of the K most helpful round-0 changes follow (pairs the path
/// already measured are not run again).</summary>
public sealed class AdaptiveOfatStrategy : ISearchStrategy
{
    public bool IsComplete(SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        SearchCompletion.IsComplete(this, spec, history);

    public IReadOnlyList<PlannedTrial> Propose(SweepSpec spec, IReadOnlyList<TrialObservation> history)
    {
        var path = AdaptivePath.Trace(spec, history);
        return path.StopReason is null
            ? PlanExtension.Append(spec, history, path.ToPlan)
            : PlanExtension.Append(spec, history, Interactions.Configurations(spec, history));
    }

    public IReadOnlyList<SearchDecision> Decisions(SweepSpec spec, IReadOnlyList<TrialObservation> history)
    {
        var path = AdaptivePath.Trace(spec, history);
        var decisions = AdaptivePath.Decisions(path);
        return path.StopReason is not null && Interactions.Decide(spec, history) is { } pairs
            ? [.. decisions, pairs]
            : decisions;
    }
}
