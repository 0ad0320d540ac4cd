using Microsoft.Data.Sqlite;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Storage.Sqlite;
using Sweep.Trials.Training;
using static Sweep.Orchestrator.Storage.Sqlite.SqliteRows;

namespace Sweep.Orchestrator.Storage;

/// <summary>A sweep directory's <c>sweep.db</c>. Every method opens a pooled connection of its own, so one
/// instance serves many threads, and several instances or processes may share the file. Each conditional
/// transition is a single statement whose WHERE clause checks state and owner, so SQLite's write lock alone
/// decides who wins.</summary>
public sealed partial class SqliteSweepStore : ISweepStore
{
    public const string FileName = "sweep.db";
    private const int SqliteConstraint = 19;
    private const string Running = nameof(TrialState.Running);
    private const string Paused = nameof(TrialState.Paused);

    private readonly string _connectionString;
    private readonly bool _madeCompanions;

    private SqliteSweepStore(string databasePath, string connectionString, bool madeCompanions = false)
    {
        DatabasePath = databasePath;
        _connectionString = connectionString;
        _madeCompanions = madeCompanions;
    }

    public string DatabasePath { get; }

    /// <summary>Opens the sweep database at <paramref name="databasePath"/> (by convention
    /// <c>&lt;sweep-dir&gt;/sweep.db</c>), creating the file, its folder and its tables if needed.</summary>
    public static SqliteSweepStore Open(string databasePath)
    {
        var fullPath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var store = new SqliteSweepStore(fullPath, new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString());
        store.Checked(writing: true, (connection, file) =>
        {
            SqliteSchema.Create(connection, file);
            return SqliteSchema.Version;
        });
        return store;
    }

    /// <summary>Opens an existing sweep database to write to it, once it has passed the checks of
    /// <see cref="OpenForReading"/>: a damaged or foreign file is refused before anything is written to it.</summary>
    public static SqliteSweepStore OpenExisting(string databasePath)
    {
        OpenForReading(databasePath).ClearPool();
        return Open(databasePath);
    }

    /// <summary>Opens an existing sweep database without writing to it, so a sweep archived on a read-only medium
    /// can still be read. A file whose schema is older is upgraded first, as it always was, which needs write
    /// access.</summary>
    public static SqliteSweepStore OpenForReading(string databasePath)
    {
        var fullPath = Path.GetFullPath(databasePath);
        // SQLite takes an empty file for an empty database; for a sweep it is a file that lost its content.
        if (new FileInfo(fullPath) is { Exists: true, Length: 0 })
            throw new SweepStoreFileException(fullPath, "expected a sweep database, found an empty file");
        var (store, version) = Inspect(fullPath);
        if (version == SqliteSchema.Version)
            return store;
        store.ClearPool();
        try
        {
            return Open(fullPath);
        }
        catch (SweepStoreFileException error) when (error.InnerException is SqliteException)
        {
            throw new SweepStoreFileException(fullPath, $"schema version {version} must be upgraded to "
                + $"{SqliteSchema.Version} before it can be read, which needs write access ({error.Problem}); copy the sweep to a writable place", error);
        }
    }

    /// <summary>A read-only store of the file once it passed <see cref="SqliteSchema.Inspect"/>, and the file's
    /// schema version.</summary>
    private static (SqliteSweepStore Store, long Version) Inspect(string fullPath)
    {
        var hadCompanions = File.Exists(fullPath + "-wal") || File.Exists(fullPath + "-shm");
        var store = new SqliteSweepStore(fullPath, ReadOnlyConnection(fullPath, immutable: false), !hadCompanions);
        try
        {
            return (store, store.Checked(writing: false, SqliteSchema.Inspect));
        }
        catch (SweepStoreFileException error) when (error.InnerException is SqliteException cause
            && (cause.SqliteErrorCode is SqliteFileErrors.CantOpen or SqliteFileErrors.ReadOnly
                || SqliteFileErrors.IsDiskFull(cause)))
        {
            // A reader of a WAL file needs its -wal and -shm beside it; where they cannot be made (a read-only
            // medium, another user's folder, a full disk) the file is read as immutable, which is exact only while
            // no commit waits in its -wal.
            if (!hadCompanions)
                DiscardEmptyCompanions(fullPath);
            RequireNoPendingLog(fullPath);
            var immutable = new SqliteSweepStore(fullPath, ReadOnlyConnection(fullPath, immutable: true));
            return (immutable, immutable.Checked(writing: false, SqliteSchema.Inspect));
        }
        catch (SweepStoreFileException)
        {
            store.RemoveCompanionsIfMade();
            throw;
        }
    }

    private static string ReadOnlyConnection(string fullPath, bool immutable) => new SqliteConnectionStringBuilder
    {
        DataSource = immutable ? $"file:{UriPath(fullPath)}?immutable=1" : fullPath,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
    }.ToString();

    /// <summary>The characters a SQLite URI filename gives a meaning to, escaped.</summary>
    private static string UriPath(string path) => path.Replace("%", "%25").Replace("?", "%3f").Replace("#", "%23");

    /// <summary>The -wal and -shm a reader began on a full disk: an empty log and an index that never reached the
    /// size of one in use (SQLite sets a new one to 3 bytes before it grows it), so no connection can be using them.</summary>
    private static void DiscardEmptyCompanions(string fullPath)
    {
        const int IndexInUse = 32 * 1024;
        var log = new FileInfo(fullPath + "-wal");
        var index = new FileInfo(fullPath + "-shm");
        if (log is { Exists: true, Length: > 0 } || index is { Exists: true, Length: >= IndexInUse })
            return;
        log.Delete();
        index.Delete();
    }

    private static void RequireNoPendingLog(string fullPath)
    {
        var log = new FileInfo(fullPath + "-wal");
        if (log is { Exists: true, Length: > 0 })
            throw new SweepStoreFileException(log.FullName, $"holds commits not yet in {FileName}, which cannot be read "
                + $"without {FileName}-shm on a read-only medium; copy the sweep to a writable place and read it there");
    }

    /// <summary>Runs a first use of the file, telling what SQLite says about the file itself (not a database,
    /// damaged, a full disk) as a one-line error naming it.</summary>
    private long Checked(bool writing, Func<SqliteConnection, string, long> use)
    {
        try
        {
            using var connection = Connect();
            return use(connection, DatabasePath);
        }
        catch (SqliteException error) when (SqliteFileErrors.Problem(error, writing) is { } problem)
        {
            ClearPool();
            throw new SweepStoreFileException(DatabasePath, problem, error);
        }
        catch
        {
            ClearPool();
            throw;
        }
    }

    public async Task CreateSweepAsync(SweepRecord sweep, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var insert = connection.Command($"INSERT INTO sweeps ({SweepColumns}) VALUES "
                + "($id, $name, $specPath, $specText, $strategy, $planHash, $createdAt, $settings);")
            .With("$id", sweep.Id).With("$name", sweep.Name).With("$specPath", sweep.SpecPath)
            .With("$specText", sweep.SpecText).With("$strategy", sweep.Strategy).With("$planHash", sweep.PlanHash)
            .With("$createdAt", Time(sweep.CreatedAt))
            .With("$settings", sweep.Settings is null ? null : SweepJson.Serialize(sweep.Settings));
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SqliteConstraint)
        {
            throw StoreErrors.SweepExists(sweep.Id);
        }
    }

    public async Task<SweepRecord?> GetSweepAsync(string sweepId, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var select = connection.Command($"SELECT {SweepColumns} FROM sweeps WHERE id = $id;")
            .With("$id", sweepId);
        return (await ReadAllAsync(select, ReadSweep, cancellationToken)).SingleOrDefault();
    }

    public async Task AddTrialsAsync(string sweepId, IReadOnlyList<PlannedTrial> trials,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var transaction = connection.BeginTransaction();
        await using (var sweepExists = connection.Command("SELECT COUNT(*) FROM sweeps WHERE id = $id;", transaction)
            .With("$id", sweepId))
        {
            if ((long)(await sweepExists.ExecuteScalarAsync(cancellationToken))! == 0)
                throw StoreErrors.UnknownSweep(sweepId);
        }

        await using var insert = connection.Command($"INSERT INTO trials ({TrialColumns}) VALUES ($sweepId, $index, "
            + "$changes, $repeat, $seed, $configKey, $round, $role, $state, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0);",
            transaction);
        foreach (var trial in trials)
        {
            insert.Parameters.Clear();
            insert.With("$sweepId", sweepId).With("$index", trial.Index)
                .With("$changes", SweepJson.Serialize(trial.Changes)).With("$repeat", trial.Repeat)
                .With("$seed", trial.Seed).With("$configKey", trial.ConfigKey).With("$round", trial.Round)
                .With("$role", trial.Role).With("$state", State(TrialState.Pending));
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException error) when (error.SqliteErrorCode == SqliteConstraint)
            {
                throw StoreErrors.TrialExists(sweepId, trial.Index);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string sweepId,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var select = connection.Command(
                $"SELECT {TrialColumns} FROM trials WHERE sweep_id = $sweepId ORDER BY trial_index;")
            .With("$sweepId", sweepId);
        return await ReadAllAsync(select, ReadTrial, cancellationToken);
    }

    public async Task<TrialRecord?> GetTrialAsync(string sweepId, int index,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var select = connection.Command(
                $"SELECT {TrialColumns} FROM trials WHERE sweep_id = $sweepId AND trial_index = $index;")
            .With("$sweepId", sweepId).With("$index", index);
        return (await ReadAllAsync(select, ReadTrial, cancellationToken)).SingleOrDefault();
    }

    public async Task<TrialRecord?> TryLeaseAsync(string sweepId, int index, string owner, DateTimeOffset now,
        DateTimeOffset expiresAt, string? promotion = null, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var transaction = connection.BeginTransaction();
        // Runs first, while the trial is still paused: a promotion and its lease are one commit.
        await using (var promote = connection.Command($"""
                UPDATE epochs SET decision = '{nameof(StopAction.Promoted)}', decision_reason = $promotion
                WHERE sweep_id = $sweepId AND trial_index = $index AND decision = '{nameof(StopAction.Pause)}'
                  AND epoch = (SELECT MAX(epoch) FROM epochs WHERE sweep_id = $sweepId AND trial_index = $index)
                  AND EXISTS (SELECT 1 FROM trials WHERE sweep_id = $sweepId AND trial_index = $index
                              AND state = '{Paused}');
                """, transaction)
            .With("$sweepId", sweepId).With("$index", index).With("$promotion", promotion ?? "promoted"))
            await promote.ExecuteNonQueryAsync(cancellationToken);
        await using var lease = connection.Command($"""
                UPDATE trials
                SET state = '{Running}', attempts = attempts + (state <> '{Paused}'), lease_owner = $owner,
                    lease_expires_at = $expiresAt, started_at = COALESCE(started_at, $now)
                WHERE sweep_id = $sweepId AND trial_index = $index
                  AND (state IN ('{nameof(TrialState.Pending)}', '{Paused}')
                       OR (state = '{Running}' AND lease_expires_at <= $now))
                RETURNING {TrialColumns};
                """, transaction)
            .With("$sweepId", sweepId).With("$index", index).With("$owner", owner)
            .With("$now", Time(now)).With("$expiresAt", Time(expiresAt));
        var leased = (await ReadAllAsync(lease, ReadTrial, cancellationToken)).SingleOrDefault();
        if (leased is not null)
            await transaction.CommitAsync(cancellationToken);
        return leased;
    }

    public async Task<bool> RenewLeaseAsync(string sweepId, int index, string owner, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var renew = HeldUpdate(connection, "lease_expires_at = $expiresAt", sweepId, index, owner)
            .With("$expiresAt", Time(expiresAt));
        return await renew.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> AppendEpochAsync(string sweepId, int index, string owner, EpochMetrics metrics,
        StopDecision decision, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        // The WHERE is needed before ON CONFLICT anyway (SQLite's upsert-from-SELECT rule) and carries the lease check.
        await using var append = connection.Command($"""
                INSERT INTO epochs (sweep_id, trial_index, epoch, metrics_json, decision, decision_reason, recorded_by)
                SELECT $sweepId, $index, $epoch, $metrics, $decision, $reason, $owner
                WHERE EXISTS (SELECT 1 FROM trials WHERE sweep_id = $sweepId AND trial_index = $index
                              AND state = '{Running}' AND lease_owner = $owner)
                ON CONFLICT (sweep_id, trial_index, epoch) DO UPDATE SET metrics_json = excluded.metrics_json,
                    decision = excluded.decision, decision_reason = excluded.decision_reason,
                    recorded_by = excluded.recorded_by;
                """)
            .With("$sweepId", sweepId).With("$index", index).With("$owner", owner)
            .With("$epoch", metrics.Epoch).With("$metrics", SweepJson.Serialize(metrics))
            .With("$decision", decision.Action.ToString()).With("$reason", decision.Reason);
        return await append.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<TrialRecord?> FinishAsync(string sweepId, int index, string owner, TrialState state,
        TrialResult? result, string? message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        StoreErrors.RequireFinished(state);
        await using var connection = Connect();
        await using var finish = HeldUpdate(connection, "state = $state, result_json = $result, message = $message, "
                + "finished_at = $now, lease_owner = NULL, lease_expires_at = NULL", sweepId, index, owner,
                returning: TrialColumns)
            .With("$state", State(state)).With("$message", message).With("$now", Time(now))
            .With("$result", result is null ? null : SweepJson.Serialize(result));
        return (await ReadAllAsync(finish, ReadTrial, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> PauseAsync(string sweepId, int index, string owner, TrialResult? result, string message,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var pause = HeldUpdate(connection, $"state = '{Paused}', result_json = $result, message = $message, "
                + "lease_owner = NULL, lease_expires_at = NULL", sweepId, index, owner)
            .With("$message", message).With("$result", result is null ? null : SweepJson.Serialize(result));
        return await pause.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> ConcludePausedAsync(string sweepId, int index, string message, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var conclude = connection.Command($"""
                UPDATE trials SET state = '{nameof(TrialState.Pruned)}', message = $message, finished_at = $now
                WHERE sweep_id = $sweepId AND trial_index = $index AND state = '{Paused}';
                """)
            .With("$sweepId", sweepId).With("$index", index).With("$message", message).With("$now", Time(now));
        return await conclude.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> ReleaseAsync(string sweepId, int index, string owner, string? message, bool failed = false,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var release = HeldUpdate(connection, $"state = '{nameof(TrialState.Pending)}', "
                + "message = $message, lease_owner = NULL, lease_expires_at = NULL, failures = failures + $failed",
                sweepId, index, owner)
            .With("$message", message).With("$failed", failed ? 1 : 0);
        return await release.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> RetryFailedAsync(string sweepId, int index, string message,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var retry = connection.Command($"""
                UPDATE trials SET state = '{nameof(TrialState.Pending)}', failures = 0, result_json = NULL,
                    finished_at = NULL, message = $message
                WHERE sweep_id = $sweepId AND trial_index = $index AND state = '{nameof(TrialState.Failed)}';
                """)
            .With("$sweepId", sweepId).With("$index", index).With("$message", message);
        return await retry.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<EpochRecord>> GetEpochsAsync(string sweepId, int? trialIndex = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var select = connection.Command("""
                SELECT trial_index, metrics_json, decision, decision_reason, recorded_by FROM epochs
                WHERE sweep_id = $sweepId AND ($index IS NULL OR trial_index = $index)
                ORDER BY trial_index, epoch;
                """)
            .With("$sweepId", sweepId).With("$index", trialIndex);
        return await ReadAllAsync(select, ReadEpoch, cancellationToken);
    }

    /// <summary>Closes the pooled connections so the file is released (and its WAL checkpointed) when the store
    /// is done with.</summary>
    public ValueTask DisposeAsync()
    {
        ClearPool();
        RemoveCompanionsIfMade();
        return ValueTask.CompletedTask;
    }

    /// <summary>A read-only connection makes the -wal and -shm a WAL file needs but may not delete them; the last
    /// connection that may write does, as it closes. This one runs no statement that writes, and SQLite deletes
    /// nothing while any other connection has the file open.</summary>
    private void RemoveCompanionsIfMade()
    {
        if (!_madeCompanions || !File.Exists(DatabasePath + "-shm"))
            return;
        ClearPool();
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = DatabasePath,
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
            }.ToString());
            connection.Open();
            using var read = connection.Command("SELECT COUNT(*) FROM sqlite_master;");
            read.ExecuteScalar();
        }
        catch (SqliteException)
        {
            // Tidying only: the files left are what any reader of a WAL file leaves, and harmless.
        }
    }

    private void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var setUp = connection.Command(SqliteSchema.ConnectionPragmas);
            setUp.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteCommand HeldUpdate(SqliteConnection connection, string assignments, string sweepId,
        int index, string owner, string? returning = null) =>
        connection.Command($"""
                UPDATE trials SET {assignments}
                WHERE sweep_id = $sweepId AND trial_index = $index AND state = '{Running}' AND lease_owner = $owner
                {(returning is null ? "" : $"RETURNING {returning}")};
                """)
            .With("$sweepId", sweepId).With("$index", index).With("$owner", owner);

    /// <summary>Reads every row before returning: a statement with RETURNING commits only once it has run to
    /// completion.</summary>
    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(SqliteCommand command,
        Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(read(reader));
        return rows;
    }
}
