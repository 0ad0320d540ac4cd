namespace Sweep.Orchestrator.Search;

/// <summary>The values of <see cref="PlannedTrial.Role"/>.</summary>
public static class TrialRoles
{
    public const string Baseline = "baseline";
    public const string SingleChange = "single-change";
    public const string Interaction = "interaction";
    public const string Grid = "grid";
    public const string Random = "random";
}
