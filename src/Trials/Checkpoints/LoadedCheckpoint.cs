namespace Sweep.Trials.Checkpoints;

/// <summary>What a resumed run gets back after the model and optimizer were restored in place.</summary>
/// <param name="Warnings">One line per newer checkpoint that was skipped because it failed to verify.</param>
public sealed record LoadedCheckpoint(int Epoch, string MetadataJson, string File, IReadOnlyList<string> Warnings);
