using Sweep.Trials.Checkpoints;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>Where a trial's checkpoints wait for whichever host trains it next. The trial worker writes them to its
/// local folder; the shelf keeps a copy every host can reach, written only while the writer holds the trial's
/// lease, and brings the accepted ones back before a trial resumes on another host.</summary>
public interface ICheckpointShelf
{
    /// <summary>Keeps the file a writer saved for an epoch; refused (false) when the writer no longer holds the
    /// trial.</summary>
    Task<bool> KeepAsync(string sweepId, int trialIndex, string writer, int epoch, string file,
        CancellationToken cancellationToken);

    /// <summary>Puts the newest accepted checkpoints the shelf holds into <paramref name="directory"/>, unless
    /// they are there already.</summary>
    Task FetchAsync(string sweepId, int trialIndex, IReadOnlyList<CheckpointRef> accepted, string directory,
        CancellationToken cancellationToken);
}

/// <summary>One host, or a folder every host shares: the checkpoints are already where the next holder looks.</summary>
public sealed class LocalCheckpoints : ICheckpointShelf
{
    public Task<bool> KeepAsync(string sweepId, int trialIndex, string writer, int epoch, string file,
        CancellationToken cancellationToken) => Task.FromResult(true);

    public Task FetchAsync(string sweepId, int trialIndex, IReadOnlyList<CheckpointRef> accepted, string directory,
        CancellationToken cancellationToken) => Task.CompletedTask;
}
