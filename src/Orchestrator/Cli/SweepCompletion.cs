using Spectre.Console;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary>The end of <c>run</c> and <c>resume</c>: where the results are, or how to continue.</summary>
public static class SweepCompletion
{
    public const int InterruptedExitCode = 130;

    public static async Task<int> RunAndReportAsync(SweepTarget target, ISweepStore store, SlotPlan slots,
        CancellationToken cancellation)
    {
        AnsiConsole.MarkupLineInterpolated($"{slots.Slots} slot(s) × {slots.ThreadsPerSlot} thread(s)");
        var finished = await SweepSession.RunAsync(target, store, slots, new TrialExecutorByKind(TimeProvider.System), cancellation);
        AnsiConsole.MarkupLineInterpolated($"Results: {Path.Combine(target.SweepDirectory, "sweep.db")} (sweep export {target.SweepDirectory} --format csv)");
        if (finished)
            return 0;
        AnsiConsole.MarkupLineInterpolated($"Stopped. Continue with: [bold]sweep resume {target.SweepDirectory}[/]");
        return InterruptedExitCode;
    }
}
