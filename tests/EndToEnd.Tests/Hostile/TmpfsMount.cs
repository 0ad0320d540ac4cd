using System.Diagnostics;

namespace Sweep.EndToEnd.Tests.Hostile;

/// <summary>A small tmpfs mounted for one test: a real read-only medium once remounted read-only (which binds
/// root too, unlike file permissions) and a real full disk at its size. Mounting needs root or CAP_SYS_ADMIN;
/// the tests that need it are skipped where it is not allowed (see <see cref="MountFactAttribute"/>).</summary>
public sealed class TmpfsMount : IDisposable
{
    private static readonly Lazy<bool> Allowed = new(Probe);

    private TmpfsMount(string path) => Path = path;

    public static bool Available => Allowed.Value;

    public string Path { get; }

    public static TmpfsMount Create(string label, string size = "16m")
    {
        var path = TestSpecs.NewWorkDirectory($"mnt-{label}");
        Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0755", "tmpfs", path);
        return new TmpfsMount(path);
    }

    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void RemountWritable() => Run("mount", "-o", "remount,rw", Path);

    /// <summary>Takes every free block with one file, as a disk that filled up while the program ran.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var block = new byte[64 * 1024];
        using var file = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
                file.Write(block);
        }
        catch (IOException)
        {
            // Full: the last partial block is as much as fits.
        }
        for (var size = block.Length / 2; size >= 1; size /= 2)
        {
            try
            {
                file.Write(block, 0, size);
            }
            catch (IOException)
            {
            }
        }
        return filler;
    }

    public void Dispose()
    {
        Run("umount", "--lazy", Path);
        Directory.Delete(Path);
    }

    private static bool Probe()
    {
        try
        {
            using var probe = Create("probe", "64k");
            probe.RemountReadOnly();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)}: {error.Trim()}");
    }
}
