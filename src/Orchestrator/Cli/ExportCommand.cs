using System.CommandLine;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

public enum ExportFormat { Csv, Json }

/// <summary><c>sweep export DIR --format csv|json</c>: one row per trial, like Optuna's trials dataframe.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("sweep-dir") { Description = "The sweep directory." };
        var format = new Option<ExportFormat>("--format") { Description = "csv or json.", DefaultValueFactory = _ => ExportFormat.Csv };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var command = new Command("export", "Export one row per trial: parameters, state and metrics.") { directory, format, output };
        command.SetAction((parse, cancellation) => UserErrors.Guard(() => ExportAsync(parse.GetValue(directory)!,
            parse.GetValue(format), parse.GetValue(output), cancellation)));
        return command;
    }

    private static async Task<int> ExportAsync(DirectoryInfo directory, ExportFormat format, FileInfo? output,
        CancellationToken cancellation)
    {
        var (sweep, store) = await SweepDirectory.OpenExistingAsync(directory.FullName, cancellation);
        await using var _ = store;
        var spec = new SpecLoader().Read(sweep.SpecText, sweep.SpecPath);
        var trials = await store.GetTrialsAsync(sweep.Id, cancellation);
        if (output is null)
        {
            Write(Console.Out, format, trials, spec.BaselineValues);
            return 0;
        }
        await using var file = new StreamWriter(output.FullName);
        Write(file, format, trials, spec.BaselineValues);
        return 0;
    }

    private static void Write(TextWriter writer, ExportFormat format, IReadOnlyList<TrialRecord> trials,
        IReadOnlyDictionary<string, string> baselineValues)
    {
        if (format == ExportFormat.Csv)
            TrialTableExporter.WriteCsv(writer, trials, baselineValues);
        else
            TrialTableExporter.WriteJson(writer, trials, baselineValues);
    }
}
