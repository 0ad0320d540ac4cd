namespace Sweep.Orchestrator.Scheduling;

/// <summary>Where and how a trial trains on this host.</summary>
/// <param name="RunDirectory">The trial's folder here: checkpoints and its best model.</param>
/// <param name="Threads">Intra-op threads: the sweep's, so a trial gives the same numbers on any host.</param>
public sealed record TrialPlace(string RunDirectory, string? DataDirectory, int Threads);

/// <summary>What a host's worker slots work on: the one sweep of <c>sweep run</c>, or every active sweep of a
/// cluster.</summary>
public interface IWorkSource
{
    /// <summary>The sweeps to ask for a trial, in the order to ask them: each call starts one further along, so
    /// active sweeps share the slots round robin.</summary>
    Task<IReadOnlyList<string>> SweepsAsync(CancellationToken cancellationToken);

    /// <summary>The sweep's grain said every trial has ended.</summary>
    Task FinishedAsync(string sweepId);

    /// <summary>Slots stop once no sweep is left, instead of waiting for new ones.</summary>
    bool StopWhenDone { get; }

    Task<TrialPlace> PlaceAsync(string sweepId, int trialIndex, CancellationToken cancellationToken);

    /// <summary>False once the sweep was cancelled: its running trials are given back after their epoch.</summary>
    Task<bool> IsActiveAsync(string sweepId);
}
