using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Sweep.Orchestrator.Contracts;

namespace Sweep.Orchestrator.Cli;

/// <summary>Failures of the machine under a command rather than of its arguments (a full disk, a read-only file
/// system, a missing permission): they end the command as a user's mistake does, with one line naming the path,
/// since the fix is the user's too.</summary>
public static partial class EnvironmentErrors
{
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>SQLite's SQLITE_FULL (or a -shm that cannot grow), or the I/O error of ENOSPC (Linux, macOS) or
    /// ERROR_DISK_FULL (Windows), anywhere among the causes.</summary>
    public static bool IsDiskFull(Exception error) => Causes(error).Any(cause =>
        cause is SqliteException sqlite && Storage.Sqlite.SqliteFileErrors.IsDiskFull(sqlite)
            || cause is IOException { HResult: NoSpace or WindowsDiskFull or WindowsHandleDiskFull });

    /// <summary>A full disk told at the file the command was writing (not at a temporary one beside it), with what
    /// to do once there is room.</summary>
    public static UserErrorException DiskFull(string file, string then = "run the command again") =>
        new($"{file}: the disk is full; free some space, then {then}");

    /// <summary>The one line for a failure of the machine, or null for any other exception.</summary>
    public static string? Describe(Exception error)
    {
        if (IsDiskFull(error))
            return PathOf(error) is { } full
                ? $"{full}: the disk is full; free some space, then run the command again"
                : "the disk under the sweep's database is full; free some space, then run the command again";
        return Causes(error).FirstOrDefault(cause => cause is UnauthorizedAccessException
                or IOException { HResult: ReadOnlyFileSystem }) switch
            {
                UnauthorizedAccessException denied =>
                    $"{PathOf(denied) ?? "a file"}: expected a place this user may write to, found no permission",
                IOException readOnly =>
                    $"{PathOf(readOnly) ?? "a file"}: expected a writable file system, found a read-only one",
                _ => null,
            };
    }

    /// <summary>The path a failed file operation names: .NET quotes it in the message.</summary>
    private static string? PathOf(Exception error) => Causes(error)
        .Select(cause => QuotedPath().Match(cause.Message))
        .FirstOrDefault(match => match.Success)?.Groups["path"].Value;

    private static IEnumerable<Exception> Causes(Exception error)
    {
        yield return error;
        IEnumerable<Exception> inner = error is AggregateException aggregate
            ? aggregate.InnerExceptions
            : error.InnerException is { } cause ? [cause] : [];
        foreach (var deeper in inner.SelectMany(Causes))
            yield return deeper;
    }

    [GeneratedRegex("'(?<path>[^']+)'")]
    private static partial Regex QuotedPath();
}
