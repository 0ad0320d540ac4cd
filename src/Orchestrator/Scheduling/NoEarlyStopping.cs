using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Scheduling;

public sealed class NoEarlyStopping : IEarlyStopper
{
    public EarlyStopDecision ShouldStop(EarlyStoppingSpec spec, ObjectiveSpec objective, int trialIndex, int epoch,
        IReadOnlyDictionary<int, IReadOnlyList<double>> objectiveCurves) =>
        EarlyStopDecision.Continue("early stopping is off");
}
