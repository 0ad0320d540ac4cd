namespace Sweep.Orchestrator.Storage;

/// <summary>A stored grain state and the version tag a writer must present to replace it.</summary>
public sealed record GrainStateEntry(string ETag, string Json);

/// <summary>Key-value storage for Orleans grain state with optimistic concurrency: every write names the version
/// it replaces, so two activations of one grain cannot silently overwrite each other.</summary>
public interface IGrainStateStore
{
    Task<GrainStateEntry?> ReadStateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="json"/> if the current version is <paramref name="expectedETag"/> (null: the
    /// key must not exist yet) and returns the new version; otherwise throws <see cref="GrainStateConflictException"/>.</summary>
    Task<string> WriteStateAsync(string key, string json, string? expectedETag,
        CancellationToken cancellationToken = default);

    /// <summary>Removes the state under the same version check as a write.</summary>
    Task ClearStateAsync(string key, string? expectedETag, CancellationToken cancellationToken = default);
}
