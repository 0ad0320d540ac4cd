using Spectre.Console;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Reporting;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary>The end of <c>run</c> and <c>resume</c>: where the results are, or how to continue.</summary>
public static class SweepCompletion
{
    public const int InterruptedExitCode = 130;

    /// <summary>The sweep ran to its end, but some trial failed for good: a script must not take it for a success.</summary>
    public const int TrialsFailedExitCode = 1;

    public static async Task<int> RunAndReportAsync(SweepTarget target, ISweepStore store, SlotPlan slots,
        CancellationToken cancellation)
    {
        AnsiConsole.MarkupLineInterpolated($"{slots.Slots} slot(s) × {slots.ThreadsPerSlot} thread(s)");
        var finished = await SweepSession.RunAsync(target, store, slots, new TrialExecutorByKind(TimeProvider.System), cancellation);
        var sweep = (await store.GetSweepAsync(target.SweepId, CancellationToken.None))!;
        var report = await SweepReport.WriteAsync(sweep, store, target.SweepDirectory, CancellationToken.None);
        AnsiConsole.MarkupLineInterpolated($"Results: {Path.Combine(target.SweepDirectory, SweepDirectory.DatabaseName)} (sweep export {target.SweepDirectory} --format csv)");
        AnsiConsole.MarkupLineInterpolated($"Report:  [bold]{report}[/]");
        if (finished)
        {
            var failed = (await store.GetTrialsAsync(target.SweepId, CancellationToken.None))
                .Where(t => t.State == Contracts.TrialState.Failed).Select(t => t.Index).ToList();
            if (failed.Count == 0)
                return 0;
            AnsiConsole.MarkupLineInterpolated($"[red]{failed.Count} trial(s) failed[/] ({string.Join(", ", failed)}); see the report, or retry them with: [bold]sweep resume {target.SweepDirectory} --retry-failed[/]");
            return TrialsFailedExitCode;
        }
        AnsiConsole.MarkupLineInterpolated($"Stopped. Continue with: [bold]sweep resume {target.SweepDirectory}[/]");
        return InterruptedExitCode;
    }
}
