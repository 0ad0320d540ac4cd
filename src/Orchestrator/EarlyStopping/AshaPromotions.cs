using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.EarlyStopping;

/// <summary>Which paused trials ASHA resumes now, in the order to resume them: the highest rung first (it is
/// closest to a finished trial), then the best objective, then the lowest index.</summary>
public static class AshaPromotions
{
    /// <param name="paused">Paused trials; each waits at the rung of its last recorded epoch.</param>
    /// <param name="rungsFinal">No trial is pending or running, so no other trial can reach a rung: the best
    /// trial at each rung then goes on even when fewer than <c>reduction</c> trials got there.</param>
    public static IReadOnlyList<int> Promotable(EarlyStoppingSpec spec, ObjectiveSpec objective,
        IEnumerable<int> paused, IReadOnlyDictionary<int, IReadOnlyList<double>> objectiveCurves, bool rungsFinal)
    {
        AshaRungs.Require(spec);
        return paused
            .Where(index => objectiveCurves.TryGetValue(index, out var curve) && curve.Count > 0)
            .Select(index => (Index: index, Rung: objectiveCurves[index].Count))
            .Where(trial => AshaRungs.Standing(spec, objective, trial.Index, trial.Rung, objectiveCurves, rungsFinal).Kept)
            .OrderByDescending(trial => trial.Rung)
            .ThenByDescending(trial => AshaRungs.Score(objective.Mode, objectiveCurves[trial.Index][trial.Rung - 1]))
            .ThenBy(trial => trial.Index)
            .Select(trial => trial.Index)
            .ToList();
    }
}
