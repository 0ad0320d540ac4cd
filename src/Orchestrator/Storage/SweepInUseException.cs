namespace Sweep.Orchestrator.Storage;

/// <summary>Another process holds the sweep directory's run lock.</summary>
public sealed class SweepInUseException(string sweepDirectory)
    : Exception($"{sweepDirectory}: another sweep process is already running this sweep; "
        + $"wait for it to finish or stop it, then resume (lock file {Path.Combine(sweepDirectory, SweepRunLock.FileName)})")
{
    public string SweepDirectory { get; } = sweepDirectory;
}
