using System.Runtime.InteropServices;

namespace Sweep.Orchestrator.Cli;

/// <summary>Whether this process may write at a path, asked of the kernel with access(2): it alone knows about
/// read-only mounts and that permissions do not bind root, and asking creates nothing.</summary>
internal static class WriteAccess
{
    private const int WriteOk = 2;
    private const int NoPermission = 1;
    private const int AccessDenied = 13;
    private const int ReadOnlyFileSystem = 30;

    /// <summary>What stands in the way of writing at <paramref name="path"/>, or null when nothing does (or this
    /// system cannot say, and the write itself will tell).</summary>
    public static string? Obstacle(string path)
    {
        if (OperatingSystem.IsWindows() || Access(path, WriteOk) == 0)
            return null;
        return Marshal.GetLastPInvokeError() switch
        {
            ReadOnlyFileSystem => "a read-only file system",
            AccessDenied or NoPermission => "no write permission",
            var errno => $"a place access(2) refuses to write to (errno {errno})",
        };
    }

    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);
}
