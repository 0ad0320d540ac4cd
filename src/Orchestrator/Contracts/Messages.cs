using Sweep.Orchestrator.Search;
using Sweep.Trials.Checkpoints;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Contracts;

public enum LeaseStatus { Assigned, NothingYet, SweepFinished }

/// <summary>A trial handed to a slot: what to train and under which attempt.</summary>
/// <param name="RecordedEpochs">Epochs the sweep already holds for the trial (resumed or promoted). Torch trials
/// resume from their checkpoint; trials of a kind without checkpoints continue after these.</param>
/// <param name="Checkpoints">The checkpoints of those epochs the store accepted, by writer: the only ones the
/// trial may resume from.</param>
[GenerateSerializer, Immutable]
public sealed record TrialAssignment(
    [property: Id(0)] PlannedTrial Plan,
    [property: Id(1)] TrialSpec Spec,
    [property: Id(2)] int Attempt,
    [property: Id(3)] string SpecFile,
    [property: Id(4)] int RecordedEpochs,
    [property: Id(5)] IReadOnlyList<CheckpointRef> Checkpoints);

[GenerateSerializer, Immutable]
public sealed record LeaseResponse([property: Id(0)] LeaseStatus Status, [property: Id(1)] TrialAssignment? Assignment);

/// <summary>The end of a trial as its slot saw it.</summary>
[GenerateSerializer, Immutable]
public sealed record TrialFinished(
    [property: Id(0)] TrialState State,
    [property: Id(1)] TrialResult? Result,
    [property: Id(2)] string? Message);

/// <summary>Whether a finish was recorded, and the lease that came with it.</summary>
[GenerateSerializer, Immutable]
public sealed record FinishResponse([property: Id(0)] bool Accepted, [property: Id(1)] LeaseResponse Next);

[GenerateSerializer, Immutable]
public sealed record SweepProgress(
    [property: Id(0)] IReadOnlyDictionary<TrialState, int> Counts,
    [property: Id(1)] int Planned,
    [property: Id(2)] bool Finished,
    [property: Id(3)] int? BestTrial,
    [property: Id(4)] double? BestObjective,
    [property: Id(5)] double FinishedSeconds = 0);
