using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;
using static Sweep.Orchestrator.EarlyStopping.Curves;

namespace Sweep.Orchestrator.EarlyStopping;

/// <summary>The median stopping rule (Golovin et al. 2017, "Google Vizier"; Ray's MedianStoppingRule): from the
/// grace epoch on, a trial stops when its best objective so far is strictly worse than the median of the other
/// trials' running averages (mean of their first <c>epoch</c> values) at the same epoch. Every other trial that
/// has reached the epoch counts, finished or not, except those whose average is not finite (diverged); at least
/// <c>MinTrials</c> of them are needed before anyone is compared.</summary>
public sealed class MedianStoppingRule : IEarlyStopper
{
    public StopDecision ShouldStop(EarlyStoppingSpec spec, ObjectiveSpec objective, int trialIndex, int epoch,
        IReadOnlyDictionary<int, IReadOnlyList<double>> objectiveCurves)
    {
        var own = Own(objectiveCurves, trialIndex, epoch);
        if (epoch < spec.GraceEpochs)
            return StopDecision.Continue($"epoch {epoch} is before the grace epoch {spec.GraceEpochs}");

        var finite = own.Take(epoch).Where(double.IsFinite).ToList();
        if (finite.Count == 0)
            return StopDecision.Prune($"no finite objective by epoch {epoch}");
        var best = objective.Mode == ObjectiveMode.Max ? finite.Max() : finite.Min();

        var averages = objectiveCurves
            .Where(curve => curve.Key != trialIndex && curve.Value.Count >= epoch)
            .Select(curve => curve.Value.Take(epoch).Average())
            .Where(double.IsFinite)
            .ToList();
        var needed = Math.Max(1, spec.MinTrials);
        if (averages.Count < needed)
            return StopDecision.Continue(
                $"{averages.Count} other trials reached epoch {epoch}; the median rule needs {needed}");

        var median = Median(averages);
        var comparison = $"best {Show(best)} by epoch {epoch} against the median {Show(median)} of "
            + $"{averages.Count} other trials' running averages";
        return ObjectiveGain.IsBetter(objective.Mode, median, best)
            ? StopDecision.Prune($"{comparison}: worse")
            : StopDecision.Continue($"{comparison}: not worse");
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
