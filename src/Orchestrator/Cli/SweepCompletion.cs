using Spectre.Console;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Reporting;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary>The end of <c>run</c> and <c>resume</c>: where the results are, or how to continue.</summary>
public static class SweepCompletion
{
    /// <summary>The sweep ran to its end, but some trial failed for good: a script must not take it for a success.</summary>
    public const int TrialsFailedExitCode = 1;

    public static async Task<int> RunAndReportAsync(SweepTarget target, ISweepStore store, SlotPlan slots,
        StopSignals signals, Func<int, Task<IAsyncDisposable>>? openLiveView)
    {
        signals.ResumeWith($"sweep resume {target.SweepDirectory}");
        AnsiConsole.MarkupLineInterpolated($"{slots.Slots} slot(s) × {slots.ThreadsPerSlot} thread(s)");
        var finished = await EndOnFullDiskAsync(target, Path.Combine(target.SweepDirectory, SweepDirectory.DatabaseName),
            () => SweepSession.RunAsync(target, store, slots, new TrialExecutorByKind(TimeProvider.System), signals.Stopping,
                openLiveView));
        var sweep = (await store.GetSweepAsync(target.SweepId, CancellationToken.None))!;
        var report = await EndOnFullDiskAsync(target, Path.Combine(target.SweepDirectory, "report", Reports.ReportWriter.FileName),
            () => SweepReport.WriteAsync(sweep, store, target.SweepDirectory, CancellationToken.None));
        AnsiConsole.MarkupLineInterpolated($"Results: {Path.Combine(target.SweepDirectory, SweepDirectory.DatabaseName)} (sweep export {target.SweepDirectory} --format csv)");
        AnsiConsole.MarkupLineInterpolated($"Report:  [bold]{report}[/]");
        if (!finished)
        {
            AnsiConsole.MarkupLineInterpolated($"Stopped. Continue with: [bold]sweep resume {target.SweepDirectory}[/]");
            return signals.ExitCode;
        }
        var failedTrials = (await store.GetTrialsAsync(target.SweepId, CancellationToken.None))
            .Where(t => t.State == Contracts.TrialState.Failed).ToList();
        var failed = failedTrials.Select(t => t.Plan.Index).ToList();
        foreach (var trial in failedTrials)
            AnsiConsole.MarkupLineInterpolated($"[red]trial {trial.Plan.Index} failed[/]: {Reports.Model.FailureLine.Of(trial.Message)}");
        if (failed.Count > 0)
            AnsiConsole.MarkupLineInterpolated($"[red]{failed.Count} trial(s) failed[/] ({string.Join(", ", failed)}); the traces are in {Path.Combine(target.SweepDirectory, SweepLogFile.FileName)}; see the report, or retry them with: [bold]sweep resume {target.SweepDirectory} --retry-failed[/]");
        // A signal that came while the finished sweep's report was written still ends the command as a signal does.
        return signals.Received ? signals.ExitCode : failed.Count > 0 ? TrialsFailedExitCode : 0;
    }

    /// <summary>A full disk ends the run with one line: every commit SQLite made before it stays, the trials in
    /// flight are left to a resume as an interrupted run's are, and the line says how to go on.</summary>
    private static async Task<T> EndOnFullDiskAsync<T>(SweepTarget target, string file, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception error) when (EnvironmentErrors.IsDiskFull(error))
        {
            throw EnvironmentErrors.DiskFull(file, $"continue with: sweep resume {target.SweepDirectory}");
        }
    }
}
