using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.EarlyStopping;

/// <summary>Early stopping as the grain sees it (Ray's schedulers, Optuna's pruners): decide after an epoch,
/// choose which paused trials go on, and say why the rest end once nothing can promote them. Every answer is a
/// pure function of the recorded objectives, so the grain only records it and any silo can rebuild it.</summary>
public interface IEarlyStopper
{
    /// <param name="trialIndex">The trial asking; its own curve is in <paramref name="objectiveCurves"/>.</param>
    /// <param name="epoch">The epoch just finished (1-based). Ask only before a trial's last epoch: a trial that
    /// has run all its epochs completes, whatever a rung at that epoch would say.</param>
    /// <param name="objectiveCurves">Per trial index, the objective after each finished epoch (epoch e at index
    /// e − 1), for every trial of the sweep so far.</param>
    StopDecision ShouldStop(EarlyStoppingSpec spec, ObjectiveSpec objective, int trialIndex, int epoch,
        IReadOnlyDictionary<int, IReadOnlyList<double>> objectiveCurves);

    /// <summary>The paused trials to resume now, in order.</summary>
    /// <param name="rungsFinal">No trial is pending or running, so no other trial can reach a paused trial's
    /// rung.</param>
    IReadOnlyList<int> Promotable(EarlyStoppingSpec spec, ObjectiveSpec objective, IReadOnlyCollection<int> paused,
        IReadOnlyDictionary<int, IReadOnlyList<double>> objectiveCurves, bool rungsFinal) => [];

    /// <summary>Why a trial paused at <paramref name="rung"/> ends pruned once nothing can promote it.</summary>
    string Conclusion(int rung) =>
        $"pruned at epoch {rung}: not promoted from rung {rung} once no other trial could reach it";
}
