using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage.Sqlite;

namespace Sweep.Orchestrator.Storage;

/// <summary>A cluster's sweep copied, as it stands, into a sweep directory of this host: <c>&lt;out&gt;/&lt;sweep
/// id&gt;/sweep.db</c>, which report, export and status read as they read a sweep run here.</summary>
public static class SweepPull
{
    public static async Task<string> PullAsync(ISweepStore source, string sweepId, string outputRoot,
        CancellationToken cancellationToken)
    {
        var sweep = await source.GetSweepAsync(sweepId, cancellationToken)
            ?? throw new UserErrorException($"{sweepId}: the cluster holds no such sweep (sweep list --cluster … shows them)");
        var trials = await source.GetTrialsAsync(sweepId, cancellationToken);
        var epochs = await source.GetEpochsAsync(sweepId, cancellationToken: cancellationToken);
        var directory = Path.GetFullPath(Path.Combine(outputRoot, sweepId));
        var database = Path.Combine(directory, SweepDirectory.DatabaseName);
        var temporary = database + ".pulling";
        Directory.CreateDirectory(directory);
        File.Delete(temporary);
        var decisions = await source.GetDecisionsAsync(sweepId, cancellationToken);
        await using (SqliteSweepStore.Open(temporary))
        {
        }
        await SqliteImport.WriteAsync(temporary, sweep, trials, epochs, cancellationToken);
        await using (var copy = SqliteSweepStore.Open(temporary))
            await copy.AddDecisionsAsync(sweepId, decisions, cancellationToken);
        // A pull again replaces the copy whole; a reader never sees half of one.
        File.Move(temporary, database, overwrite: true);
        foreach (var journal in new[] { "-wal", "-shm" })
            File.Delete(database + journal);
        return directory;
    }
}
