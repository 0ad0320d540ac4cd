using System.Globalization;
using System.Text.Json;

namespace Sweep.Orchestrator.Storage;

/// <summary>A sweep as a flat table, one row per trial, like Optuna's <c>trials_dataframe()</c>: easy to load in
/// pandas or a spreadsheet. Pure over records; the caller owns the writer.</summary>
public static class TrialTableExporter
{
    public const string ParameterPrefix = "params_";

    private static readonly IReadOnlyList<(string Name, Func<TrialRow, object?> Value)> LeadingColumns =
    [
        ("number", row => row.Number),
        ("state", row => row.State),
        ("role", row => row.Role),
        ("change", row => row.Change),
        ("repeat", row => row.Repeat),
        ("seed", row => row.Seed),
    ];

    private static readonly IReadOnlyList<(string Name, Func<TrialRow, object?> Value)> TrailingColumns =
    [
        ("best_epoch", row => row.BestEpoch),
        ("objective", row => row.Objective),
        ("val_loss", row => row.ValLoss),
        ("val_accuracy", row => row.ValAccuracy),
        ("train_loss", row => row.TrainLoss),
        ("train_accuracy", row => row.TrainAccuracy),
        ("train_eval_loss", row => row.TrainEvalLoss),
        ("train_eval_accuracy", row => row.TrainEvalAccuracy),
        ("test_accuracy", row => row.TestAccuracy),
        ("macro_f1", row => row.MacroF1),
        ("epochs_run", row => row.EpochsRun),
        ("duration_seconds", row => row.DurationSeconds),
        ("hosts", row => row.Hosts),
        ("message", row => row.Message),
    ];

    /// <summary>Parameter columns are the baseline's paths in their order, then any path only a trial changes.</summary>
    public static TrialTable Build(IEnumerable<TrialRecord> trials, IReadOnlyDictionary<string, string> baselineValues,
        IEnumerable<EpochRecord>? epochs = null)
    {
        var parts = (epochs ?? []).GroupBy(e => e.TrialIndex).ToDictionary(g => g.Key, TrialParts.Describe);
        var ordered = trials.OrderBy(trial => trial.Index).ToList();
        var paths = baselineValues.Keys
            .Concat(ordered.SelectMany(trial => trial.Plan.Changes.Select(change => change.Path)))
            .Distinct()
            .ToList();
        var rows = ordered.Select(trial => ToRow(trial, paths, baselineValues) with
        {
            Hosts = parts.GetValueOrDefault(trial.Index),
        }).ToList();
        return new TrialTable(paths, rows);
    }

    /// <summary>RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line
    /// break; numbers in the invariant culture, round-trip precision; an empty field for a missing value.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<TrialRecord> trials,
        IReadOnlyDictionary<string, string> baselineValues, IEnumerable<EpochRecord>? epochs = null)
    {
        var table = Build(trials, baselineValues, epochs);
        var columns = Columns(table);
        WriteCsvLine(writer, columns.Select(column => column.Name));
        foreach (var row in table.Rows)
            WriteCsvLine(writer, columns.Select(column => FormatCsvField(column.Value(row))));
    }

    /// <summary>An array of objects keyed by the CSV's column names, parameters typed as the spec writes them
    /// (<see cref="ParameterJson"/>); NaN and infinite losses are written as the strings "NaN"/"Infinity"
    /// (<see cref="SweepJson"/>), missing values as null.</summary>
    public static void WriteJson(TextWriter writer, IEnumerable<TrialRecord> trials,
        IReadOnlyDictionary<string, string> baselineValues, IEnumerable<EpochRecord>? epochs = null)
    {
        var table = Build(trials, baselineValues, epochs);
        var parameterColumns = table.ParameterPaths.Select(path => ParameterPrefix + path).ToHashSet();
        var columns = Columns(table);
        var objects = table.Rows
            .Select(row => columns.ToDictionary(column => column.Name, column => column.Value(row) is string text
                && parameterColumns.Contains(column.Name) ? ParameterJson.Of(text) : column.Value(row)))
            .ToList();
        WriteJsonArray(writer, objects);
    }

    private static readonly IReadOnlyList<(string Name, Func<EpochRecord, object?> Value)> EpochColumns =
    [
        ("number", e => e.TrialIndex),
        ("epoch", e => e.Metrics.Epoch),
        ("train_loss", e => e.Metrics.TrainLoss),
        ("train_accuracy", e => e.Metrics.TrainAccuracy),
        ("train_eval_loss", e => e.Metrics.TrainEvalLoss),
        ("train_eval_accuracy", e => e.Metrics.TrainEvalAccuracy),
        ("val_loss", e => e.Metrics.ValLoss),
        ("val_accuracy", e => e.Metrics.ValAccuracy),
        ("learning_rate", e => e.Metrics.LearningRate),
        ("seconds", e => e.Metrics.Seconds),
        ("samples_per_second", e => e.Metrics.SamplesPerSecond),
        ("decision", e => e.Decision?.Action.ToString()),
        ("recorded_by", e => e.RecordedBy),
    ];

    /// <summary>The learning curves: one row per recorded epoch, by trial then epoch.</summary>
    public static void WriteEpochsCsv(TextWriter writer, IEnumerable<EpochRecord> epochs)
    {
        WriteCsvLine(writer, EpochColumns.Select(column => column.Name));
        foreach (var epoch in InOrder(epochs))
            WriteCsvLine(writer, EpochColumns.Select(column => FormatCsvField(column.Value(epoch))));
    }

    public static void WriteEpochsJson(TextWriter writer, IEnumerable<EpochRecord> epochs) =>
        WriteJsonArray(writer, InOrder(epochs)
            .Select(epoch => EpochColumns.ToDictionary(column => column.Name, column => column.Value(epoch)))
            .ToList());

    private static IEnumerable<EpochRecord> InOrder(IEnumerable<EpochRecord> epochs) =>
        epochs.OrderBy(e => e.TrialIndex).ThenBy(e => e.Metrics.Epoch);

    private static void WriteJsonArray<T>(TextWriter writer, IReadOnlyList<T> objects)
    {
        writer.Write(JsonSerializer.Serialize(objects, SweepJson.Indented));
        writer.Write('\n');
    }

    private static TrialRow ToRow(TrialRecord trial, IReadOnlyList<string> paths,
        IReadOnlyDictionary<string, string> baselineValues)
    {
        var changed = trial.Plan.Changes.ToDictionary(change => change.Path, change => change.Value);
        var parameters = paths.ToDictionary(path => path,
            path => changed.GetValueOrDefault(path) ?? baselineValues.GetValueOrDefault(path) ?? "");
        var result = trial.Result;
        var best = result?.Epochs.FirstOrDefault(epoch => epoch.Epoch == result.BestEpoch);
        return new TrialRow(
            Number: trial.Index,
            State: trial.State.ToString(),
            Role: trial.Plan.Role,
            Change: trial.Plan.Description,
            Repeat: trial.Plan.Repeat,
            Seed: trial.Plan.Seed,
            Parameters: parameters,
            BestEpoch: best?.Epoch,
            Objective: result?.BestObjective,
            ValLoss: best?.ValLoss,
            ValAccuracy: best?.ValAccuracy,
            TrainLoss: best?.TrainLoss,
            TrainAccuracy: best?.TrainAccuracy,
            TrainEvalLoss: best?.TrainEvalLoss,
            TrainEvalAccuracy: best?.TrainEvalAccuracy,
            TestAccuracy: result?.Test?.Accuracy,
            MacroF1: result?.Test?.MacroF1,
            EpochsRun: result?.Epochs.Count ?? 0,
            DurationSeconds: result?.Seconds,
            Message: trial.Message ?? result?.Message);
    }

    private static List<(string Name, Func<TrialRow, object?> Value)> Columns(TrialTable table) =>
    [
        .. LeadingColumns,
        .. table.ParameterPaths.Select(path =>
            (ParameterPrefix + path, (Func<TrialRow, object?>)(row => row.Parameters.GetValueOrDefault(path)))),
        .. TrailingColumns,
    ];

    private static void WriteCsvLine(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(QuoteCsv)));
        writer.Write("\r\n");
    }

    private static string FormatCsvField(object? value) => value switch
    {
        null => "",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string QuoteCsv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";
}
