using Sweep.Orchestrator.Contracts;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>Runs one leased trial to its end on the calling thread.</summary>
public interface ITrialExecutor
{
    TrialResult Run(TrialAssignment assignment, TrialRunOptions options, ITrialObserver observer,
        CancellationToken cancellationToken);
}

public sealed class TorchTrialExecutor : ITrialExecutor
{
    public TrialResult Run(TrialAssignment assignment, TrialRunOptions options, ITrialObserver observer,
        CancellationToken cancellationToken) =>
        new TrialRunner().Run(assignment.Spec, options, observer, cancellationToken);
}
