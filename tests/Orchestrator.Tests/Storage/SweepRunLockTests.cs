using System.Diagnostics;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.Storage;

public sealed class SweepRunLockTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string LockFile => Path.Combine(_directory.Path, SweepRunLock.FileName);

    [Fact]
    public void SecondHandleInTheSameProcess_IsRefusedUntilTheFirstIsReleased()
    {
        Assert.True(SweepRunLock.TryAcquire(_directory.Path, out var first));

        Assert.False(SweepRunLock.TryAcquire(_directory.Path, out var refused));
        Assert.Null(refused);

        first.Dispose();
        Assert.True(SweepRunLock.TryAcquire(_directory.Path, out var second));
        second.Dispose();
    }

    [Fact]
    public void TryAcquire_CreatesAMissingSweepDirectory()
    {
        var sweepDirectory = Path.Combine(_directory.Path, "new-sweep");

        Assert.True(SweepRunLock.TryAcquire(sweepDirectory, out var lockHandle));
        using (lockHandle)
            Assert.True(File.Exists(Path.Combine(sweepDirectory, SweepRunLock.FileName)));
    }

    [Fact]
    public void WhileHeldHere_AnotherProcessCannotTakeTheLock()
    {
        Assert.True(SweepRunLock.TryAcquire(_directory.Path, out var held));
        using var _ = held;

        using var probe = Process.Start(new ProcessStartInfo("flock", ["--nonblock", "--exclusive", LockFile, "true"]))!;
        probe.WaitForExit();

        Assert.Equal(1, probe.ExitCode);
    }

    [Fact]
    public void HeldByAnotherProcess_IsRefused_AndFreedWhenThatProcessIsKilled()
    {
        // bash takes the lock on fd 9 and then becomes `sleep`, so one process holds it and kill -9 ends that process.
        using var holder = Process.Start(new ProcessStartInfo("bash",
            ["-c", $"exec 9>>'{LockFile}' && flock --exclusive 9 && echo locked && exec sleep 600"])
        {
            RedirectStandardOutput = true,
        })!;
        try
        {
            Assert.Equal("locked", holder.StandardOutput.ReadLine());

            Assert.False(SweepRunLock.TryAcquire(_directory.Path, out _));

            holder.Kill();
            holder.WaitForExit();
            Assert.True(SweepRunLock.TryAcquire(_directory.Path, out var afterKill));
            afterKill.Dispose();
        }
        finally
        {
            if (!holder.HasExited)
                holder.Kill();
        }
    }

    public void Dispose() => _directory.Dispose();
}
