using System.Collections.Concurrent;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.TestKit;

/// <summary>Tests give each sweep a store of its own and share one silo between them.</summary>
public sealed class TestSweepStores : ISweepStoreProvider
{
    private readonly ConcurrentDictionary<string, ISweepStore> stores = new();

    public void Register(string sweepId, ISweepStore store) => stores[sweepId] = store;

    public ISweepStore For(string sweepId) => stores.TryGetValue(sweepId, out var store)
        ? store
        : throw new InvalidOperationException($"no store is registered for sweep {sweepId}");
}
