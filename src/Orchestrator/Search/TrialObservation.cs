using Sweep.Orchestrator.Contracts;

namespace Sweep.Orchestrator.Search;

/// <summary>What a search strategy knows about one planned trial: the plan, where it stands and, once finished,
/// its final (best-epoch) objective.</summary>
public sealed record TrialObservation(PlannedTrial Trial, TrialState State, double? Objective);
