using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.EarlyStopping;

public sealed class NoEarlyStopping : IEarlyStopper
{
    public StopDecision ShouldStop(EarlyStoppingSpec spec, ObjectiveSpec objective, int trialIndex, int epoch,
        IReadOnlyDictionary<int, IReadOnlyList<double>> objectiveCurves) =>
        StopDecision.Continue("early stopping is off");
}
