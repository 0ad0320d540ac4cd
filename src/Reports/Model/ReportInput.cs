namespace Sweep.Reports.Model;

/// <summary>Everything the report needs, filled by the orchestrator from its store; the report reads nothing else.</summary>
public sealed record ReportInput(SweepInfo Sweep, IReadOnlyList<TrialInfo> Trials)
{
    /// <summary>What the search strategy decided, in the order it was recorded; empty for strategies that plan
    /// everything up front and for sweeps recorded before decisions were stored.</summary>
    public IReadOnlyList<DecisionInfo> SearchDecisions { get; init; } = [];
}
