using System.CommandLine;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

public enum ExportFormat { Csv, Json }

/// <summary><c>sweep export DIR --format csv|json [--epochs]</c>: one row per trial, like Optuna's trials dataframe,
/// or with <c>--epochs</c> one row per recorded epoch (the learning curves).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("sweep-dir") { Description = "The sweep directory (with --cluster: the sweep's id)." };
        var cluster = new ClusterOptions();
        var format = new Option<ExportFormat>("--format") { Description = "csv or json.", DefaultValueFactory = _ => ExportFormat.Csv };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var epochs = new Option<bool>("--epochs") { Description = "Export the learning curves instead: one row per recorded epoch of every trial." };
        var command = new Command("export", "Export one row per trial: parameters, state and metrics.") { directory, format, output, epochs };
        cluster.AddTo(command);
        command.SetAction((parse, cancellation) => UserErrors.Guard(async () =>
        {
            using var copy = await ClusterSweepCopy.OpenAsync(cluster, parse, parse.GetValue(directory)!);
            return await ExportAsync(copy.Directory, parse.GetValue(format), parse.GetValue(output), parse.GetValue(epochs),
                cancellation);
        }));
        return command;
    }

    private static async Task<int> ExportAsync(string directory, ExportFormat format, FileInfo? output, bool curves,
        CancellationToken cancellation)
    {
        var file = output is null ? null : OutputLocations.RequireFile(output.FullName, "for -o");
        var (sweep, store) = await SweepDirectory.ReadExistingAsync(directory, cancellation);
        await using var _ = store;
        var spec = new SpecLoader().Read(sweep.SpecText, sweep.SpecPath);
        var trials = await store.GetTrialsAsync(sweep.Id, cancellation);
        var epochs = await store.GetEpochsAsync(sweep.Id, cancellationToken: cancellation);
        if (file is null)
        {
            Write(Console.Out, format, curves, trials, spec.BaselineValues, epochs);
            return 0;
        }
        // Written beside the target, then moved over it: a failed export (a full disk) leaves the old file as it
        // was and no half-written one.
        var temporary = Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{Environment.ProcessId}.tmp");
        try
        {
            await using (var writer = new StreamWriter(temporary))
                Write(writer, format, curves, trials, spec.BaselineValues, epochs);
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception error) when (EnvironmentErrors.IsDiskFull(error))
        {
            throw EnvironmentErrors.DiskFull(file);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
        return 0;
    }

    private static void Write(TextWriter writer, ExportFormat format, bool curves, IReadOnlyList<TrialRecord> trials,
        IReadOnlyDictionary<string, string> baselineValues, IReadOnlyList<EpochRecord> epochs)
    {
        if (curves && format == ExportFormat.Csv)
            TrialTableExporter.WriteEpochsCsv(writer, epochs);
        else if (curves)
            TrialTableExporter.WriteEpochsJson(writer, epochs);
        else if (format == ExportFormat.Csv)
            TrialTableExporter.WriteCsv(writer, trials, baselineValues, epochs);
        else
            TrialTableExporter.WriteJson(writer, trials, baselineValues, epochs);
    }
}
