namespace Sweep.Trials.Checkpoints;

/// <summary>Everything one checkpoint holds, with the model and optimizer already serialized by TorchSharp.</summary>
/// <param name="Trial">The identity of the trial that wrote it (a hash of its resolved spec and seed): a checkpoint
/// is only ever restored into the same trial.</param>
internal sealed record CheckpointContent(int Epoch, string Trial, string MetadataJson, byte[] ModelState,
    byte[] OptimizerState);
