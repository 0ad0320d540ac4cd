namespace Sweep.Trials.Checkpoints;

/// <summary>Everything one checkpoint holds, with the model and optimizer already serialized by TorchSharp.</summary>
internal sealed record CheckpointContent(int Epoch, string MetadataJson, byte[] ModelState, byte[] OptimizerState);
