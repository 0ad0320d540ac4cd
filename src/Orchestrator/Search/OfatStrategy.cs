using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>One factor at a time: the written baseline, then each listed value that differs from the baseline's,
/// alone, in file order; each configuration repeated over the seeds. With <c>Interactions</c> K &gt; 0, the pairs
/// of the K most helpful changes follow once all of those have finished.</summary>
public sealed class OfatStrategy : ISearchStrategy
{
    public bool IsComplete(SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        SearchCompletion.IsComplete(this, spec, history);

    public IReadOnlyList<PlannedTrial> Propose(SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        PlanExtension.Append(spec, history,
            [.. SingleChanges.FirstPass(spec), .. Interactions.Configurations(spec, history)]);

    public IReadOnlyList<SearchDecision> Decisions(SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        Interactions.Decide(spec, history) is { } pairs ? [pairs] : [];
}
