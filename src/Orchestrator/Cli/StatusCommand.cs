using System.CommandLine;
using Spectre.Console;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep status DIR [--trials]</c>: states, best trial, time used and an estimate of the time left;
/// with <c>--trials</c>, every trial with its state, epochs, objective and change.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("sweep-dir") { Description = "The sweep directory (with --cluster: the sweep's id)." };
        var trials = new Option<bool>("--trials") { Description = "List every trial: state, epochs recorded, best objective so far and its change." };
        var cluster = new ClusterOptions();
        var command = new Command("status", "Show a sweep's progress.") { directory, trials };
        cluster.AddTo(command);
        command.SetAction((parse, cancellation) => UserErrors.Guard(async () =>
        {
            using var copy = await ClusterSweepCopy.OpenAsync(cluster, parse, parse.GetValue(directory)!);
            return await ShowAsync(copy.Directory, parse.GetValue(trials), cancellation);
        }));
        return command;
    }

    private static async Task<int> ShowAsync(string directory, bool listTrials, CancellationToken cancellation)
    {
        var (sweep, store) = await SweepDirectory.ReadExistingAsync(directory, cancellation);
        await using var _ = store;
        var trials = await store.GetTrialsAsync(sweep.Id, cancellation);
        var objective = new Specs.SpecLoader().Read(sweep.SpecText, sweep.SpecPath).Baseline.Objective;
        var slots = sweep.Settings?.Slots ?? 1;
        var summary = SweepStatus.Summarize(trials, objective, slots);
        AnsiConsole.MarkupLineInterpolated($"[bold]{sweep.Name}[/] ({sweep.Strategy}), created {sweep.CreatedAt:u}");
        AnsiConsole.WriteLine(string.Join("  ", summary.Counts.Where(c => c.Value > 0).Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value}")));
        if (summary.Best is { } best)
            AnsiConsole.MarkupLineInterpolated($"best: trial {best.Index} ({best.Plan.Description}) objective {best.Result?.BestObjective:G4}");
        AnsiConsole.WriteLine($"compute used {summary.ComputeUsed:hh\\:mm\\:ss}; estimated time left {(summary.EstimatedLeft is { } left ? left.ToString(@"hh\:mm\:ss") : "unknown")}{(trials.Any(t => t.State == TrialState.Running) ? "" : $" (at {slots} slot{(slots == 1 ? "" : "s")})")}");
        if (listTrials)
            WriteTrials(SweepStatus.Lines(trials, await store.GetEpochsAsync(sweep.Id, cancellationToken: cancellation), objective),
                objective);
        return 0;
    }

    private static void WriteTrials(IReadOnlyList<TrialStatusLine> lines, Trials.Specs.ObjectiveSpec objective)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("trial").AddColumn("state").AddColumn("epochs")
            .AddColumn(Trials.Specs.EnumSpelling.Format(objective.Metric)).AddColumn("change");
        foreach (var line in lines)
            table.AddRow(line.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                line.State.ToString().ToLowerInvariant(),
                line.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                line.Objective is { } value ? value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "–",
                Markup.Escape(line.Plan.Description));
        AnsiConsole.Write(table);
    }
}
