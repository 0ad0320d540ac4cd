using Microsoft.Data.Sqlite;

namespace Sweep.Orchestrator.Storage.Sqlite;

/// <summary>SQLite's result codes that are about the file or the disk under it rather than about a statement,
/// in the words of a one-line error naming the file.</summary>
internal static class SqliteFileErrors
{
    public const int ReadOnly = 8;
    public const int IoError = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int NotADatabase = 26;

    /// <summary>SQLITE_IOERR_SHMSIZE: the -shm beside a WAL file could not grow, which on a full disk is how
    /// SQLite first notices.</summary>
    public const int ShmCannotGrow = IoError | (19 << 8);

    public static bool IsDiskFull(SqliteException error) =>
        error.SqliteErrorCode == Full || error.SqliteExtendedErrorCode == ShmCannotGrow;

    /// <summary>What went wrong with the file, or null when the error is not about the file.</summary>
    public static string? Problem(SqliteException error, bool writing) => IsDiskFull(error)
        ? "the disk is full; free some space, then run the command again"
        : error.SqliteErrorCode switch
        {
            NotADatabase => "expected a SQLite database written by sweep, found a file that is not a database",
            Corrupt => "expected an intact sweep database, found a damaged one (SQLite: database disk image is malformed); restore it from a backup",
            ReadOnly => "expected a file sweep may write to, found a read-only file or file system",
            CantOpen when writing => "cannot be opened for writing; the command needs a writable sweep directory (copy one off a read-only medium first)",
            CantOpen => "cannot be opened for reading; expected a file this user may read",
            IoError => "could not be read or written (SQLite: disk I/O error); check the disk",
            _ => null,
        };
}
