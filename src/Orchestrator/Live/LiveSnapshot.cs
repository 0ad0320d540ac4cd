namespace Sweep.Orchestrator.Live;

/// <summary>The page as last rendered from the store: every section, and the whole document a browser loads.</summary>
public sealed record LiveSnapshot(long Version, IReadOnlyList<LiveSection> Sections, string Page);
