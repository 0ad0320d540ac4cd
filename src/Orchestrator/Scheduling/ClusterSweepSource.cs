using System.Collections.Concurrent;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>A cluster worker's slots serve every active sweep of the catalog, round robin, until the worker stops.
/// Trials train under this host's work folder (or a shared checkpoint folder) with the threads the sweep was
/// submitted with.</summary>
/// <param name="trialsRoot">Where this host keeps trial folders: its own work folder, or a folder every host
/// shares (then checkpoints need no copying).</param>
public sealed class ClusterSweepSource(ISweepCatalog catalog, ISweepStoreProvider stores, string trialsRoot,
    string? dataDirectory, int defaultThreads, TimeProvider time) : IWorkSource
{
    /// <summary>Every slot asks before each lease and after each epoch; a catalog this fresh answers them all
    /// without a round trip each. A cancel is seen within it.</summary>
    private static readonly TimeSpan CatalogFreshness = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, int> threadsBySweep = new();
    private readonly SemaphoreSlim reading = new(1, 1);
    private (DateTimeOffset ReadAt, IReadOnlyList<string> Active)? cached;
    private int turn;

    public bool StopWhenDone => false;

    public async Task<IReadOnlyList<string>> SweepsAsync(CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(cancellationToken);
        if (active.Count == 0)
            return [];
        var start = (int)((uint)Interlocked.Increment(ref turn) % (uint)active.Count);
        return [.. active.Skip(start), .. active.Take(start)];
    }

    public async Task FinishedAsync(string sweepId)
    {
        await catalog.EndAsync(sweepId, SweepLifecycle.Finished);
        cached = null;
    }

    public async Task<TrialPlace> PlaceAsync(string sweepId, int trialIndex, CancellationToken cancellationToken)
    {
        if (!threadsBySweep.TryGetValue(sweepId, out var threads))
        {
            var sweep = await stores.For(sweepId).GetSweepAsync(sweepId, cancellationToken);
            threadsBySweep[sweepId] = threads = sweep?.Settings?.ThreadsPerSlot ?? defaultThreads;
        }
        return new TrialPlace(Path.Combine(trialsRoot, sweepId, "trials", trialIndex.ToString("D4")), dataDirectory,
            threads);
    }

    public async Task<bool> IsActiveAsync(string sweepId) => (await ActiveAsync(CancellationToken.None)).Contains(sweepId);

    private async Task<IReadOnlyList<string>> ActiveAsync(CancellationToken cancellationToken)
    {
        if (cached is { } fresh && time.GetUtcNow() - fresh.ReadAt < CatalogFreshness)
            return fresh.Active;
        await reading.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } read && time.GetUtcNow() - read.ReadAt < CatalogFreshness)
                return read.Active;
            var active = (await catalog.ListAsync(cancellationToken))
                .Where(entry => entry.State == SweepLifecycle.Active).Select(entry => entry.SweepId).ToList();
            cached = (time.GetUtcNow(), active);
            return active;
        }
        finally
        {
            reading.Release();
        }
    }
}
