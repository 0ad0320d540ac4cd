using System.Collections.Concurrent;

namespace Sweep.Orchestrator.Storage;

/// <summary>The stores of the sweeps this process serves, by sweep id.</summary>
public sealed class SweepStores
{
    private readonly ConcurrentDictionary<string, ISweepStore> stores = new();

    public void Register(string sweepId, ISweepStore store) => stores[sweepId] = store;

    public ISweepStore For(string sweepId) => stores.TryGetValue(sweepId, out var store)
        ? store
        : throw new InvalidOperationException($"no store is registered for sweep {sweepId}");
}
