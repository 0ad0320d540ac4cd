namespace Sweep.Orchestrator.Search;

/// <summary>Names a configuration by its changes, independent of their order and spelling, so that repeats of one
/// configuration, and the same configuration planned in different roles, share one key.</summary>
public static class ConfigKeys
{
    public const string Baseline = "baseline";

    public static string Of(IEnumerable<ParameterChange> changes)
    {
        var parts = changes
            .OrderBy(change => change.Path, StringComparer.Ordinal)
            .Select(change => $"{change.Path}={FlowValues.Canonical(change.Value)}")
            .ToList();
        return parts.Count == 0 ? Baseline : string.Join("; ", parts);
    }
}
