namespace Sweep.Orchestrator.Storage;

/// <summary>Which host trained which epochs of a trial, read from the lease owners the store recorded with each
/// epoch (<c>host/process/slot/lease</c>): a trial that moved shows every part, e.g. <c>w0: 1-2; w2: 3-4</c>.</summary>
public static class TrialParts
{
    public static string? Describe(IEnumerable<EpochRecord> epochsOfTrial)
    {
        var parts = new List<(string Host, int First, int Last)>();
        foreach (var epoch in epochsOfTrial.OrderBy(e => e.Metrics.Epoch))
        {
            var host = epoch.RecordedBy?.Split('/')[0] ?? "unknown";
            if (parts.Count > 0 && parts[^1].Host == host)
                parts[^1] = parts[^1] with { Last = epoch.Metrics.Epoch };
            else
                parts.Add((host, epoch.Metrics.Epoch, epoch.Metrics.Epoch));
        }
        // Sweeps recorded before writers were kept name nobody: no parts rather than one "unknown" host.
        return parts.All(p => p.Host == "unknown")
            ? null
            : string.Join("; ", parts.Select(p => p.First == p.Last ? $"{p.Host}: {p.First}" : $"{p.Host}: {p.First}-{p.Last}"));
    }
}
