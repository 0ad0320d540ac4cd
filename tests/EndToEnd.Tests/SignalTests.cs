using System.Diagnostics;
using Sweep.Orchestrator.Contracts;

namespace Sweep.EndToEnd.Tests;

/// <summary>Ctrl-C typed on a real terminal (a pseudo-terminal from util-linux's <c>script</c>) at many moments of a
/// run, from start-up to the report: the command always stops in order, never with a stack trace.</summary>
public sealed class SignalTests
{
    [Fact]
    public async Task CtrlC_AtAnyMoment_GivesTrialsBack_PrintsTheResumeCommand_AndExits130()
    {
        var work = TestSpecs.NewWorkDirectory("ctrl-c");
        var spec = TestSpecs.Write(work, "ctrl-c.yaml", TestSpecs.Ofat("e2e-ctrl-c", epochs: 2));
        var moments = new[] { 0.2, 0.7, 1.2, 1.8, 2.5, 3.5, 5.0, 7.0 };
        var stopped = new List<string>();
        foreach (var (moment, run) in moments.Select((moment, run) => (moment, run)))
        {
            var outputRoot = Path.Combine(work, $"runs-{run}");
            var (exitCode, output) = await OnTerminalAsync(work, TimeSpan.FromSeconds(moment), interrupts: 1,
                "run", spec, "--out", outputRoot, "--slots", "1");

            var context = $"Ctrl-C after {moment} s: {output}";
            Assert.True(exitCode == 130, context);
            Assert.DoesNotContain("   at ", output);
            if (!Directory.Exists(outputRoot) || Directory.GetDirectories(outputRoot) is not [var directory])
                continue;
            Assert.True(Plain(output).Contains($"sweep resume {directory}"), context);
            Assert.True(File.Exists(Path.Combine(directory, "report", "index.html")), context);
            Assert.DoesNotContain((await SweepResults.ReadAsync(directory)).Trials, t => t.State == TrialState.Running);
            stopped.Add(directory);
        }

        Assert.True(stopped.Count >= moments.Length / 2, $"only {stopped.Count} runs got as far as their sweep directory");
        var resumed = await SweepProgram.RunAsync(work, "resume", stopped[^1]);
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.All((await SweepResults.ReadAsync(stopped[^1])).Trials, t => Assert.Equal(TrialState.Completed, t.State));
    }

    [Fact]
    public async Task SecondCtrlC_StopsAtOnce_KeepingEveryRecordedEpoch()
    {
        var work = TestSpecs.NewWorkDirectory("ctrl-c-twice");
        var spec = TestSpecs.Write(work, "twice.yaml", TestSpecs.Ofat("e2e-twice", epochs: 3, changes: 1));
        var outputRoot = Path.Combine(work, "runs");

        var (exitCode, output) = await OnTerminalAsync(work, TimeSpan.FromSeconds(6), interrupts: 2,
            "run", spec, "--out", outputRoot, "--slots", "1");

        Assert.True(exitCode == 130, output);
        Assert.DoesNotContain("   at ", output);
        var directory = SweepResults.SingleSweepDirectory(outputRoot);
        Assert.Contains($"Continue with: sweep resume {directory}", Plain(output));
        var before = await SweepResults.ReadAsync(directory);
        var resumed = await SweepProgram.RunAsync(work, "resume", directory);
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        var after = await SweepResults.ReadAsync(directory);
        foreach (var epoch in before.Epochs)
            Assert.Contains(after.Epochs, e => e.TrialIndex == epoch.TrialIndex && e.Metrics == epoch.Metrics);
    }

    [Fact]
    public async Task Sigterm_StopsInOrder_AndExits143()
    {
        var work = TestSpecs.NewWorkDirectory("sigterm");
        var spec = TestSpecs.Write(work, "sigterm.yaml", TestSpecs.Ofat("e2e-sigterm", epochs: 2));
        using var running = SweepProgram.Start(work, "run", spec, "--out", "runs", "--slots", "1");
        var output = SweepProgram.Drain(running);
        await SweepResults.WaitForAsync(Path.Combine(work, "runs"), s => s.Epochs.Count > 0);

        using (var terminate = Process.Start("kill", ["-TERM", running.Id.ToString()]))
            await terminate.WaitForExitAsync();
        await running.WaitForExitAsync();
        running.WaitForExit();

        Assert.True(running.ExitCode == 143, output());
        Assert.DoesNotContain("   at ", output());
        var directory = SweepResults.SingleSweepDirectory(Path.Combine(work, "runs"));
        Assert.Contains($"sweep resume {directory}", output().ReplaceLineEndings(""));
        Assert.DoesNotContain((await SweepResults.ReadAsync(directory)).Trials, t => t.State == TrialState.Running);
    }

    /// <summary>The text a person reads: without the terminal's escape sequences, and unwrapped (a terminal of 80
    /// columns breaks long paths).</summary>
    private static string Plain(string terminalOutput) =>
        System.Text.RegularExpressions.Regex.Replace(terminalOutput, @"\x1b(\[[0-9;?]*[A-Za-z]|[=>])", "")
            .ReplaceLineEndings("");

    /// <summary>Runs the program on a pseudo-terminal and types Ctrl-C after <paramref name="delay"/> (again 0.3 s
    /// later for each further interrupt), as a person at the terminal would.</summary>
    private static async Task<(int ExitCode, string Output)> OnTerminalAsync(string work, TimeSpan delay,
        int interrupts, params string[] args)
    {
        var command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "sweep.dll") }
            .Concat(args).Select(arg => $"'{arg}'"));
        var start = new ProcessStartInfo("script", ["-qefc", command, "/dev/null"])
        {
            WorkingDirectory = work,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        using var terminal = Process.Start(start)!;
        var output = SweepProgram.Drain(terminal);
        await Task.Delay(delay);
        for (var interrupt = 0; interrupt < interrupts; interrupt++)
        {
            if (interrupt > 0)
                await Task.Delay(TimeSpan.FromSeconds(0.3));
            await terminal.StandardInput.WriteAsync('\u0003');
            await terminal.StandardInput.FlushAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await terminal.WaitForExitAsync(timeout.Token);
        terminal.WaitForExit();
        return (terminal.ExitCode, output());
    }
}
