using System.CommandLine;
using Spectre.Console;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep status DIR</c>: states, best trial, time used and an estimate of the time left.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("sweep-dir") { Description = "The sweep directory (with --cluster: the sweep's id)." };
        var cluster = new ClusterOptions();
        var command = new Command("status", "Show a sweep's progress.") { directory };
        cluster.AddTo(command);
        command.SetAction((parse, cancellation) => UserErrors.Guard(async () =>
        {
            using var copy = await ClusterSweepCopy.OpenAsync(cluster, parse, parse.GetValue(directory)!);
            return await ShowAsync(copy.Directory, cancellation);
        }));
        return command;
    }

    private static async Task<int> ShowAsync(string directory, CancellationToken cancellation)
    {
        var (sweep, store) = await SweepDirectory.ReadExistingAsync(directory, cancellation);
        await using var _ = store;
        var trials = await store.GetTrialsAsync(sweep.Id, cancellation);
        var summary = SweepStatus.Summarize(trials, new Specs.SpecLoader().Read(sweep.SpecText, sweep.SpecPath).Baseline.Objective);
        AnsiConsole.MarkupLineInterpolated($"[bold]{sweep.Name}[/] ({sweep.Strategy}), created {sweep.CreatedAt:u}");
        AnsiConsole.WriteLine(string.Join("  ", summary.Counts.Where(c => c.Value > 0).Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value}")));
        if (summary.Best is { } best)
            AnsiConsole.MarkupLineInterpolated($"best: trial {best.Index} ({Cli.PlanCommand.Describe(best.Plan)}) objective {best.Result?.BestObjective:G4}");
        AnsiConsole.WriteLine($"compute used {summary.ComputeUsed:hh\\:mm\\:ss}; estimated time left {(summary.EstimatedLeft is { } left ? left.ToString(@"hh\:mm\:ss") : "unknown")} (at one slot)");
        return 0;
    }
}
