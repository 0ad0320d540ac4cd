using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>Decides what to try next from the sweep's history alone. Implementations keep no state of their own,
/// so resuming a sweep is nothing more than reading its history back.</summary>
public interface ISearchStrategy
{
    /// <summary>The trials to add now, indexed after the last planned one; empty when nothing more can be planned
    /// until running trials finish, or when the sweep is done. Never lets the sweep exceed MaxTrials.</summary>
    IReadOnlyList<PlannedTrial> Propose(SweepSpec spec, IReadOnlyList<TrialObservation> history);

    /// <summary>Every decision the strategy has made on this history (adopted changes, pairs chosen) with the numbers
    /// it judged them by, for the store to record as it is made; strategies that plan everything up front make
    /// none.</summary>
    IReadOnlyList<SearchDecision> Decisions(SweepSpec spec, IReadOnlyList<TrialObservation> history) => [];

    /// <summary>True when every planned trial has finished and nothing more will ever be proposed.</summary>
    bool IsComplete(SweepSpec spec, IReadOnlyList<TrialObservation> history);
}
