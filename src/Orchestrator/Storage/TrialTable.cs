namespace Sweep.Orchestrator.Storage;

/// <summary>One trial as a row of the exported table; metrics are those of the best epoch and are null while the
/// trial has no result.</summary>
/// <param name="Parameters">Every parameter path of the table to this trial's value (YAML flow text): its own
/// change, or the baseline value where it left the parameter alone.</param>
/// <param name="Change">What the trial changes from the baseline (<c>PlannedTrial.Description</c>).</param>
/// <param name="Hosts">The hosts that trained it and their epochs (<see cref="TrialParts"/>).</param>
public sealed record TrialRow(
    int Number,
    string State,
    string Role,
    string Change,
    int Repeat,
    long Seed,
    IReadOnlyDictionary<string, string> Parameters,
    int? BestEpoch,
    double? Objective,
    double? ValLoss,
    double? ValAccuracy,
    double? TrainLoss,
    double? TrainAccuracy,
    double? TrainEvalLoss,
    double? TrainEvalAccuracy,
    double? TestAccuracy,
    double? MacroF1,
    int EpochsRun,
    double? DurationSeconds,
    string? Message,
    string? Hosts = null);

/// <summary>The rows of a sweep and the parameter paths that become columns, in column order.</summary>
public sealed record TrialTable(IReadOnlyList<string> ParameterPaths, IReadOnlyList<TrialRow> Rows);
