namespace Sweep.Orchestrator.Storage;

/// <summary>How a sweep was started, in everything besides its spec that changes a trial's numbers: the data it
/// reads, and the threads each trial trains with (set by the slots a host offers) on which kind of device. Stored
/// with the sweep so that a resume trains the rest of it the same way.</summary>
public sealed record RunSettings(string? DataDirectory, int Slots, int ThreadsPerSlot, string Device);
