using System.Diagnostics;
using System.Text;

namespace Sweep.EndToEnd.Tests.Hostile;

/// <summary>The real program started in the background, its standard output and error kept apart so a test can
/// act while it runs and then hold its error stream to the one-line standard.</summary>
public sealed class RunningProgram : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    public RunningProgram(string workingDirectory, params string[] args)
    {
        process = SweepProgram.Start(workingDirectory, args);
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public async Task WaitUntilAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Output))
        {
            Assert.False(process.HasExited, $"the program ended first:\n{Output}\n{error}");
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting:\n{Output}\n{error}");
            await Task.Delay(50);
        }
    }

    public async Task<ProgramRun> ExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        // The parameterless wait also waits until the output handlers have read everything.
        process.WaitForExit();
        lock (error)
            return new ProgramRun(process.ExitCode, Output, error.ToString());
    }

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
            return;
        lock (text)
            text.AppendLine(line);
    }
}
