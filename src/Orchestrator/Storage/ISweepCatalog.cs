namespace Sweep.Orchestrator.Storage;

/// <summary>Active: workers take its trials. Cancelled: asked to stop by <c>sweep cancel</c>. Finished: every trial
/// ended.</summary>
public enum SweepLifecycle { Active, Cancelled, Finished }

public sealed record CatalogEntry(string SweepId, SweepLifecycle State, DateTimeOffset SubmittedAt);

/// <summary>The sweeps a cluster holds, so that workers find work and any host can list them.</summary>
public interface ISweepCatalog
{
    Task RegisterAsync(string sweepId, DateTimeOffset submittedAt, CancellationToken cancellationToken = default);

    /// <summary>Every sweep, in the order submitted.</summary>
    Task<IReadOnlyList<CatalogEntry>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves an active sweep to Cancelled or Finished; false when it is not active (or not known).</summary>
    Task<bool> EndAsync(string sweepId, SweepLifecycle state, CancellationToken cancellationToken = default);
}
