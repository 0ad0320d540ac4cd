namespace Sweep.Orchestrator.Storage;

/// <summary>A grain-state write presented a version that is no longer the stored one.</summary>
public sealed class GrainStateConflictException(string key, string? expectedETag, string? storedETag)
    : Exception($"grain state '{key}': expected version {Describe(expectedETag)} but the store holds {Describe(storedETag)}")
{
    public string Key { get; } = key;
    public string? ExpectedETag { get; } = expectedETag;
    public string? StoredETag { get; } = storedETag;

    private static string Describe(string? etag) => etag is null ? "none" : $"'{etag}'";
}
