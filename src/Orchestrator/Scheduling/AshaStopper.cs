using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;
using static Sweep.Orchestrator.Scheduling.Curves;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>Asynchronous successive halving (Li et al. 2018, "Massively Parallel Hyperparameter Tuning"; Ray's
/// ASHAScheduler). Rungs lie at epochs grace × reduction^k (k = 0, 1, …). A trial reaching a rung continues only if
/// its objective at that epoch is among the best ⌊n / reduction⌋ of the n values recorded at that epoch so far by
/// any trial, itself included (ties continue); with fewer than <c>reduction</c> values it continues. Nothing waits
/// for a rung to fill, so a trial is judged only against those that got there before it.</summary>
public sealed class AshaStopper : IEarlyStopper
{
    public EarlyStopDecision ShouldStop(EarlyStoppingSpec spec, ObjectiveSpec objective, int trialIndex, int epoch,
        IReadOnlyDictionary<int, IReadOnlyList<double>> objectiveCurves)
    {
        var own = Own(objectiveCurves, trialIndex, epoch);
        if (spec.GraceEpochs < 1 || spec.Reduction < 2)
            throw new ArgumentOutOfRangeException(nameof(spec), spec,
                "ASHA needs grace epochs ≥ 1 and a reduction factor ≥ 2");
        if (epoch < spec.GraceEpochs)
            return EarlyStopDecision.Continue($"epoch {epoch} is before the grace epoch {spec.GraceEpochs}");

        var rung = NextRungFrom(spec, epoch);
        if (rung != epoch)
            return EarlyStopDecision.Continue($"epoch {epoch} is not a rung; the next one is epoch {rung}");

        var recorded = objectiveCurves.Values
            .Where(curve => curve.Count >= epoch)
            .Select(curve => Score(objective.Mode, curve[epoch - 1]))
            .OrderDescending()
            .ToList();
        if (recorded.Count < spec.Reduction)
            return EarlyStopDecision.Continue(
                $"{recorded.Count} trials reached rung {epoch}; ranking needs {spec.Reduction}");

        var kept = recorded.Count / spec.Reduction;
        var value = own[epoch - 1];
        var standing = $"objective {Show(value)} at rung {epoch} against the best {kept} of {recorded.Count}";
        return Score(objective.Mode, value) >= recorded[kept - 1]
            ? EarlyStopDecision.Continue($"{standing}: kept")
            : EarlyStopDecision.StopNow($"{standing}: below the top 1/{spec.Reduction}");
    }

    /// <summary>The first rung at or after <paramref name="epoch"/>.</summary>
    private static long NextRungFrom(EarlyStoppingSpec spec, int epoch)
    {
        long rung = spec.GraceEpochs;
        while (rung < epoch)
            rung *= spec.Reduction;
        return rung;
    }

    /// <summary>Larger is better in either mode; a value that is not finite ranks last.</summary>
    private static double Score(ObjectiveMode mode, double value) =>
        !double.IsFinite(value) ? double.NegativeInfinity : mode == ObjectiveMode.Max ? value : -value;
}
