using System.Diagnostics;

namespace Sweep.Trials.Tests.Models.Torchvision;

/// <summary>Runs a script of this folder with Debian's PyTorch. A machine without /usr/bin/python3 or
/// python3-torchvision fails the test, saying what to install, rather than skipping it.</summary>
internal static class DebianPython
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static void Run(string scriptName, params string[] args)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Models", "Torchvision", scriptName);
        if (!File.Exists(Python))
            throw new InvalidOperationException($"{Python} is missing; install python3-torchvision (apt-get install python3-torchvision)");
        using var process = Process.Start(new ProcessStartInfo(Python, [script, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill();
            throw new TimeoutException($"{script} did not finish within {Timeout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Python} {script} failed (is python3-torchvision installed?): {errors.Result}");
    }
}
