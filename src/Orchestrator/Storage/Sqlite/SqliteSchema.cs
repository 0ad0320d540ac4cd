using Microsoft.Data.Sqlite;

namespace Sweep.Orchestrator.Storage.Sqlite;

/// <summary>Creates the tables of <c>sweep.db</c> and sets each connection up for durability and sharing.</summary>
internal static class SqliteSchema
{
    public const int Version = 2;

    /// <summary>synchronous=NORMAL in WAL mode writes every commit to the write-ahead log before the method returns
    /// but syncs the log to disk only at checkpoints: whatever a method returned for survives a kill -9 or a crash
    /// of the process (the operating system holds the written pages), and a power cut or kernel crash may lose the
    /// last commits but never corrupts the file. FULL added an fsync (~6 ms, far more on a busy disk) to every
    /// lease, epoch and finish, which was most of the orchestration's cost per trial. The busy timeout makes a
    /// second process wait for the lock instead of failing with SQLITE_BUSY.</summary>
    public const string ConnectionPragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS sweeps (
            id          TEXT PRIMARY KEY,
            name        TEXT NOT NULL,
            spec_path   TEXT NOT NULL,
            spec_text   TEXT NOT NULL,
            strategy    TEXT NOT NULL,
            plan_hash   TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            settings_json TEXT
        );
        CREATE TABLE IF NOT EXISTS trials (
            sweep_id          TEXT    NOT NULL REFERENCES sweeps(id),
            trial_index       INTEGER NOT NULL,
            changes_json      TEXT    NOT NULL,
            repeat            INTEGER NOT NULL,
            seed              INTEGER NOT NULL,
            config_key        TEXT    NOT NULL,
            round             INTEGER NOT NULL,
            role              TEXT    NOT NULL,
            state             TEXT    NOT NULL,
            attempts          INTEGER NOT NULL,
            lease_owner       TEXT,
            lease_expires_at  TEXT,
            started_at        TEXT,
            finished_at       TEXT,
            result_json       TEXT,
            message           TEXT,
            failures          INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (sweep_id, trial_index)
        );
        CREATE TABLE IF NOT EXISTS epochs (
            sweep_id      TEXT    NOT NULL,
            trial_index   INTEGER NOT NULL,
            epoch         INTEGER NOT NULL,
            metrics_json  TEXT    NOT NULL,
            decision      TEXT,
            decision_reason TEXT,
            recorded_by   TEXT,
            PRIMARY KEY (sweep_id, trial_index, epoch),
            FOREIGN KEY (sweep_id, trial_index) REFERENCES trials(sweep_id, trial_index)
        );
        CREATE TABLE IF NOT EXISTS decisions (
            sweep_id      TEXT    NOT NULL REFERENCES sweeps(id),
            decision_key  TEXT    NOT NULL,
            sequence      INTEGER NOT NULL,
            decision_json TEXT    NOT NULL,
            PRIMARY KEY (sweep_id, decision_key)
        );
        """;

    public static void Create(SqliteConnection connection, string file)
    {
        // WAL is a property of the file, so setting it once here holds for every later connection and process.
        using (var setWal = connection.Command("PRAGMA journal_mode = WAL;"))
        {
            var journalMode = (string?)setWal.ExecuteScalar();
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new SweepStoreFileException(file, $"journal_mode: expected wal but SQLite kept '{journalMode}'");
        }

        using var transaction = connection.BeginTransaction();
        using var readVersion = connection.Command("PRAGMA user_version;", transaction);
        var storedVersion = (long)readVersion.ExecuteScalar()!;
        RequireKnownVersion(storedVersion, file);
        using var create = connection.Command(Tables, transaction);
        create.ExecuteNonQuery();
        if (storedVersion == 1)
        {
            // Version 1 stored no decisions, writers, run settings or failure counts; its rows keep nulls and zeros.
            using var addDecisions = connection.Command("ALTER TABLE epochs ADD COLUMN decision TEXT; "
                + "ALTER TABLE epochs ADD COLUMN decision_reason TEXT; ALTER TABLE epochs ADD COLUMN recorded_by TEXT; "
                + "ALTER TABLE sweeps ADD COLUMN settings_json TEXT; "
                + "ALTER TABLE trials ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;",
                transaction);
            addDecisions.ExecuteNonQuery();
        }
        using var setVersion = connection.Command($"PRAGMA user_version = {Version};", transaction);
        setVersion.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>What a reader checks before trusting an existing file, writing nothing: every page intact (a
    /// truncated or overwritten file fails here, not halfway through a command), sweep's tables present, a version
    /// it can read. Returns the file's schema version.</summary>
    public static long Inspect(SqliteConnection connection, string file)
    {
        using (var check = connection.Command("PRAGMA quick_check;"))
        {
            var verdict = (string?)check.ExecuteScalar();
            if (!string.Equals(verdict, "ok", StringComparison.Ordinal))
                throw new SweepStoreFileException(file,
                    $"expected an intact sweep database, found a damaged one ({verdict}); restore it from a backup");
        }
        using var readVersion = connection.Command("PRAGMA user_version;");
        var storedVersion = (long)readVersion.ExecuteScalar()!;
        RequireKnownVersion(storedVersion, file);
        using var countTables = connection.Command(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('sweeps', 'trials', 'epochs');");
        if ((long)countTables.ExecuteScalar()! != 3)
            throw new SweepStoreFileException(file,
                "expected a sweep database (tables sweeps, trials and epochs), found a SQLite database without them");
        return storedVersion;
    }

    private static void RequireKnownVersion(long storedVersion, string file)
    {
        if (storedVersion > Version)
            throw new SweepStoreFileException(file,
                $"schema version: expected {Version} or older but the file has {storedVersion} (written by a newer sweep)");
    }
}
