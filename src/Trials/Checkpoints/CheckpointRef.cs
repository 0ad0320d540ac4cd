namespace Sweep.Trials.Checkpoints;

/// <summary>A checkpoint a resumed trial may use: the epoch and the writer whose report of that epoch the sweep
/// recorded. A writer is a lease, so a checkpoint written by a holder whose lease had expired is never named.</summary>
public sealed record CheckpointRef(int Epoch, string Writer);
