using System.CommandLine;
using Spectre.Console;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep resume DIR</c>: continues an interrupted sweep; finished trials are kept, interrupted ones
/// continue from their last checkpoint.</summary>
public static class ResumeCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("sweep-dir") { Description = "The sweep directory (runs/<name>-<id>)." };
        var run = new RunOptions();
        var command = new Command("resume", "Finish an interrupted sweep.") { directory };
        run.AddTo(command);
        command.SetAction((parse, cancellation) => UserErrors.Guard(() => ResumeAsync(parse.GetValue(directory)!,
            parse.GetValue(run.Slots), parse.GetValue(run.DataDir), cancellation)));
        return command;
    }

    private static async Task<int> ResumeAsync(DirectoryInfo directory, int? slots, DirectoryInfo? dataDir,
        CancellationToken cancellation)
    {
        var opened = await SweepDirectory.OpenForRunAsync(directory.FullName, cancellation);
        await using var store = opened.Store;
        using var runLock = opened.Lock;
        var released = await SweepDirectory.ReleaseInterruptedAsync(opened, cancellation);
        AnsiConsole.MarkupLineInterpolated($"Resuming {opened.Directory}: {released} interrupted trial(s) continue from their last checkpoint");
        var target = new SweepTarget(opened.SweepId, opened.Directory, dataDir?.FullName);
        return await SweepCompletion.RunAndReportAsync(target, store, SlotPlan.ForThisMachine(slots), cancellation);
    }
}
