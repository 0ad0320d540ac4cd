using Microsoft.Data.Sqlite;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Live;

/// <summary>A cheap question asked every poll: has the sweep's store changed since the last answer? The live view
/// reads and renders the whole sweep only when the answer moves.</summary>
public interface ISweepChangeProbe : IDisposable
{
    /// <summary>A value that differs whenever something the page shows may have changed.</summary>
    Task<long> VersionAsync(CancellationToken cancellation);

    public static ISweepChangeProbe For(ISweepStore store, string sweepId) => store is SqliteSweepStore sqlite
        ? new SqliteChangeProbe(sqlite.DatabasePath)
        : new TrialFingerprintProbe(store, sweepId);
}

/// <summary>SQLite's <c>PRAGMA data_version</c>: one statement on a connection kept open, whose answer moves when any
/// other connection (this process' store, or another process) commits.</summary>
public sealed class SqliteChangeProbe(string databasePath) : ISweepChangeProbe
{
    private readonly SqliteConnection connection = new(new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString());

    public async Task<long> VersionAsync(CancellationToken cancellation)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }

    public void Dispose() => connection.Dispose();
}

/// <summary>For stores without a change counter (a cluster's Redis): the trials' states and the epochs of the
/// trials in flight, leaving out lease renewals, which change every heartbeat and show nothing.</summary>
public sealed class TrialFingerprintProbe(ISweepStore store, string sweepId) : ISweepChangeProbe
{
    public async Task<long> VersionAsync(CancellationToken cancellation)
    {
        var hash = new HashCode();
        foreach (var trial in await store.GetTrialsAsync(sweepId, cancellation))
        {
            hash.Add(trial.Index);
            hash.Add(trial.State);
            hash.Add(trial.Attempts);
            hash.Add(trial.Failures);
            hash.Add(trial.FinishedAt);
            hash.Add(trial.Message);
            if (trial.State is not (TrialState.Running or TrialState.Paused))
                continue;
            var epochs = await store.GetEpochsAsync(sweepId, trial.Index, cancellation);
            hash.Add(epochs.Count);
            if (epochs.Count > 0)
                hash.Add(epochs[^1].Metrics);
        }
        return hash.ToHashCode();
    }

    public void Dispose() { }
}
