namespace Sweep.Orchestrator.Search;

/// <summary>One change a trial makes to its baseline: the parameter, the value tried and the value it replaced
/// (all YAML flow text).</summary>
public sealed record ParameterChange(string Path, string Value, string BaselineValue);

/// <summary>A trial as the plan fixes it. Its identity is its index; its changes and seed never change.</summary>
/// <param name="Changes">Differences from the sweep's written baseline (OFAT: exactly one; baseline: none).</param>
/// <param name="ConfigKey">Same for all repeats of one configuration; groups seeds for mean ± error.</param>
/// <param name="Round">Adaptive OFAT: the round that planned it (0 for the first); otherwise 0.</param>
/// <param name="Role">What the trial is for: baseline, single-change, interaction, grid, random.</param>
public sealed record PlannedTrial(
    int Index,
    IReadOnlyList<ParameterChange> Changes,
    int Repeat,
    long Seed,
    string ConfigKey,
    int Round,
    string Role)
{
    /// <summary>"baseline", or each change as "path: baseline → value", as plan, status and export show it.</summary>
    public string Description => Changes.Count == 0
        ? "baseline"
        : string.Join(", ", Changes.Select(c => $"{c.Path}: {c.BaselineValue} → {c.Value}"));
}
