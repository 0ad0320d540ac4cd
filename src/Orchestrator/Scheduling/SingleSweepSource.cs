namespace Sweep.Orchestrator.Scheduling;

/// <summary>The embedded default: this process's slots work on the sweep it was started for, then stop.</summary>
public sealed class SingleSweepSource(SweepTarget target, SlotPlan slots) : IWorkSource
{
    private volatile bool finished;

    public bool StopWhenDone => true;

    public Task<IReadOnlyList<string>> SweepsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(finished ? [] : [target.SweepId]);

    public Task FinishedAsync(string sweepId)
    {
        finished = true;
        return Task.CompletedTask;
    }

    public Task<TrialPlace> PlaceAsync(string sweepId, int trialIndex, CancellationToken cancellationToken) =>
        Task.FromResult(new TrialPlace(target.TrialDirectory(trialIndex), target.DataDirectory, slots.ThreadsPerSlot));

    public Task<bool> IsActiveAsync(string sweepId) => Task.FromResult(true);
}
