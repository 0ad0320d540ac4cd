namespace Sweep.Orchestrator.Storage;

/// <summary>Where the sweep grain finds a sweep's store. Built from configuration on every silo, so a grain
/// activated on any host reaches the same store: the sweep's own SQLite file when one process runs everything,
/// the cluster's Redis otherwise.</summary>
public interface ISweepStoreProvider
{
    /// <exception cref="InvalidOperationException">This host cannot reach the sweep's store.</exception>
    ISweepStore For(string sweepId);
}

/// <summary>One process, one sweep: the store of the sweep it was started for.</summary>
public sealed class SingleSweepStore(string sweepId, ISweepStore store) : ISweepStoreProvider
{
    public ISweepStore For(string requested) => requested == sweepId
        ? store
        : throw new InvalidOperationException($"this process serves sweep {sweepId}, not {requested}");
}

/// <summary>Every sweep of a cluster lives in one store (Redis), whatever its id.</summary>
public sealed class SharedSweepStore(ISweepStore store) : ISweepStoreProvider
{
    public ISweepStore For(string sweepId) => store;
}
