using System.Diagnostics;
using System.Text;

namespace Sweep.EndToEnd.Tests;

public sealed record ProgramRun(int ExitCode, string Output, string Error);

/// <summary>The real <c>sweep</c> program, started as its own process from this test's output folder.</summary>
public static class SweepProgram
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "sweep.dll");

    public static Process Start(string workingDirectory, params string[] args) =>
        Start(workingDirectory, args, new Dictionary<string, string>());

    public static Process Start(string workingDirectory, string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return Process.Start(start)!;
    }

    public static Task<ProgramRun> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, args, new Dictionary<string, string>());

    public static async Task<ProgramRun> RunAsync(string workingDirectory, string[] args,
        IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(workingDirectory, args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return new ProgramRun(process.ExitCode, await output, await error);
    }

    /// <summary>Keeps reading a started process' output so its pipes never fill; returns what it printed.</summary>
    public static Func<string> Drain(Process process)
    {
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return () => { lock (text) return text.ToString(); };
    }
}
