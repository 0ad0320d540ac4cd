namespace Sweep.Orchestrator.Search;

/// <summary>A set of changes to the written baseline that a strategy wants measured, before it is repeated over
/// seeds and given trial indices.</summary>
/// <param name="Changes">Differences from the written baseline only.</param>
public sealed record Configuration(IReadOnlyList<ParameterChange> Changes, string Role, int Round = 0)
{
    public string Key => ConfigKeys.Of(Changes);
}
