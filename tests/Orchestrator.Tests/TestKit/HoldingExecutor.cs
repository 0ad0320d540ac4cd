using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Tests.TestKit;

/// <summary>Runs trials with the real executor, but holds every trial from <paramref name="firstHeld"/> on after
/// its first reported epoch until the host stops, so a test knows exactly which trials are running when it stops
/// the host. <see cref="AllHeld"/> completes once <paramref name="expected"/> trials are held.</summary>
internal sealed class HoldingExecutor(ITrialExecutor inner, int firstHeld, int expected) : ITrialExecutor
{
    /// <summary>Only guards against a hung test; a passing test is released long before by the host stopping.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private readonly TaskCompletionSource allHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int held;

    public Task AllHeld => allHeld.Task;

    public TrialResult Run(TrialAssignment assignment, TrialRunOptions options, ITrialObserver observer,
        CancellationToken cancellationToken) =>
        inner.Run(assignment, options,
            assignment.Plan.Index >= firstHeld ? new HoldingObserver(observer, this, cancellationToken) : observer,
            cancellationToken);

    private void OnHeld()
    {
        if (Interlocked.Increment(ref held) == expected)
            allHeld.TrySetResult();
    }

    private sealed class HoldingObserver(ITrialObserver inner, HoldingExecutor owner, CancellationToken stopping)
        : ITrialObserver
    {
        public void OnBatch(int epoch, int batch, int batchCount, double meanLoss) =>
            inner.OnBatch(epoch, batch, batchCount, meanLoss);

        public EpochDecision OnEpoch(EpochMetrics metrics)
        {
            var decision = inner.OnEpoch(metrics);
            owner.OnHeld();
            stopping.WaitHandle.WaitOne(HangGuard);
            return decision;
        }
    }
}
