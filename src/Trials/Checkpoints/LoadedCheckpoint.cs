namespace Sweep.Trials.Checkpoints;

/// <summary>What a resumed run gets back after the model and optimizer were restored in place.</summary>
public sealed record LoadedCheckpoint(int Epoch, string MetadataJson, string File);

/// <summary>The newest usable checkpoint, if any, and one line per checkpoint file that was passed over and why.</summary>
public sealed record CheckpointLoad(LoadedCheckpoint? Checkpoint, IReadOnlyList<string> Skipped);
