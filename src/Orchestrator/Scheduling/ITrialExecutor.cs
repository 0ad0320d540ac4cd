using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Workers;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>Runs one leased trial to its end on the calling thread.</summary>
public interface ITrialExecutor
{
    TrialResult Run(TrialAssignment assignment, TrialRunOptions options, ITrialObserver observer,
        CancellationToken cancellationToken);
}

/// <summary>Runs each trial with the executor of its spec's kind.</summary>
public sealed class TrialExecutorByKind(TimeProvider time) : ITrialExecutor
{
    private readonly ProcessTrialExecutor torch = new();
    private readonly SyntheticTrialExecutor synthetic = new(time);

    public TrialResult Run(TrialAssignment assignment, TrialRunOptions options, ITrialObserver observer,
        CancellationToken cancellationToken) => assignment.Spec.Kind switch
    {
        Trials.Specs.TrialKind.Synthetic => synthetic.Run(assignment, options, observer, cancellationToken),
        _ => torch.Run(assignment, options, observer, cancellationToken),
    };
}
