using System.Diagnostics.CodeAnalysis;

namespace Sweep.Orchestrator.Storage;

/// <summary>Proof that this process alone runs a sweep directory. It is an OS lock on <c>&lt;sweep-dir&gt;/.lock</c>
/// (on Linux, .NET takes flock(LOCK_EX) for FileShare.None), so the kernel drops it when the process ends in any
/// way, kill -9 included, and no stale lock file ever needs cleaning up.</summary>
public sealed class SweepRunLock : IDisposable
{
    public const string FileName = ".lock";

    private readonly FileStream _lockFile;

    private SweepRunLock(string sweepDirectory, FileStream lockFile)
    {
        SweepDirectory = sweepDirectory;
        _lockFile = lockFile;
    }

    public string SweepDirectory { get; }

    public static bool TryAcquire(string sweepDir, [NotNullWhen(true)] out SweepRunLock? lockHandle)
    {
        var directory = Path.GetFullPath(sweepDir);
        Directory.CreateDirectory(directory);
        try
        {
            var stream = new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite,
                FileShare.None);
            lockHandle = new SweepRunLock(directory, stream);
            return true;
        }
        catch (IOException error) when (IsHeldByAnotherHandle(error))
        {
            lockHandle = null;
            return false;
        }
    }

    public void Dispose() => _lockFile.Dispose();

    /// <summary>.NET reports a held flock as the errno EWOULDBLOCK (11 on Linux, 35 on macOS) and Windows as
    /// ERROR_SHARING_VIOLATION; any other I/O error is a real failure and propagates.</summary>
    private static bool IsHeldByAnotherHandle(IOException error) =>
        error.HResult is 11 or 35 or unchecked((int)0x80070020);
}
