using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>Pause stops the trial for now, keeping it to be promoted later (ASHA); StopNow prunes it.</summary>
public enum EarlyStopAction { Continue, Pause, StopNow }

/// <summary>Whether a trial goes on after an epoch, with the reason kept in the trial's record.</summary>
public sealed record EarlyStopDecision(EarlyStopAction Action, string Reason)
{
    /// <summary>The trial stops running now, paused or pruned.</summary>
    public bool Stop => Action != EarlyStopAction.Continue;

    public static EarlyStopDecision Continue(string reason) => new(EarlyStopAction.Continue, reason);
    public static EarlyStopDecision Pause(string reason) => new(EarlyStopAction.Pause, reason);
    public static EarlyStopDecision StopNow(string reason) => new(EarlyStopAction.StopNow, reason);
}

/// <summary>Decides at an epoch boundary from recorded objectives alone, so decisions can be replayed.</summary>
public interface IEarlyStopper
{
    /// <param name="trialIndex">The trial asking; its own curve is in <paramref name="objectiveCurves"/>.</param>
    /// <param name="epoch">The epoch just finished (1-based). Ask only before a trial's last epoch: a trial that
    /// has run all its epochs completes, whatever a rung at that epoch would say.</param>
    /// <param name="objectiveCurves">Per trial index, the objective after each finished epoch (epoch e at index
    /// e − 1), for every trial of the sweep so far.</param>
    EarlyStopDecision ShouldStop(EarlyStoppingSpec spec, ObjectiveSpec objective, int trialIndex, int epoch,
        IReadOnlyDictionary<int, IReadOnlyList<double>> objectiveCurves);
}
