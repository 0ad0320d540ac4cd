namespace Sweep.Reports.Model;

/// <summary>Everything the report needs, filled by the orchestrator from its store; the report reads nothing else.</summary>
public sealed record ReportInput(SweepInfo Sweep, IReadOnlyList<TrialInfo> Trials);
