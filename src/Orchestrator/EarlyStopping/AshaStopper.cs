using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;
using static Sweep.Orchestrator.EarlyStopping.Curves;

namespace Sweep.Orchestrator.EarlyStopping;

/// <summary>Asynchronous successive halving by promotion (Li et al. 2018, "A System for Massively Parallel
/// Hyperparameter Tuning", Algorithm 2). Rungs lie at epochs grace × reduction^k (k = 0, 1, …). A trial reaching a
/// rung is paused there with its checkpoint; it goes on, at once or later through <see cref="AshaPromotions"/>,
/// when its objective so far (its best epoch up to the rung, what it would be ranked by if it stopped there) is
/// among the best ⌊n / reduction⌋ of the n trials that reached the rung, itself included (ties go on).
/// <para>Slots take waiting trials before promotions, the reverse of the paper's order: while trials wait, a trial
/// at a rung pauses even when it leads. No trial then passes a rung on the strength of the few, possibly sorted
/// (a grid's order), trials that got there first, so the sweep spends about what synchronous successive halving
/// would, and no slot idles waiting for a rung to fill. The cost is that the first full-length trial finishes
/// later than under Ray's ASHAScheduler, which lets early trials run on unjudged.</para></summary>
/// <param name="trialsWaiting">Trials of the sweep are pending, so a slot has other work.</param>
public sealed class AshaStopper(bool trialsWaiting = false) : IEarlyStopper
{
    public StopDecision ShouldStop(EarlyStoppingSpec spec, ObjectiveSpec objective, int trialIndex, int epoch,
        IReadOnlyDictionary<int, IReadOnlyList<double>> objectiveCurves)
    {
        Own(objectiveCurves, trialIndex, epoch);
        AshaRungs.Require(spec);
        if (epoch < spec.GraceEpochs)
            return StopDecision.Continue($"epoch {epoch} is before the grace epoch {spec.GraceEpochs}");
        var rung = AshaRungs.NextRungFrom(spec, epoch);
        if (rung != epoch)
            return StopDecision.Continue($"epoch {epoch} is not a rung; the next one is epoch {rung}");

        var standing = AshaRungs.Standing(spec, objective, trialIndex, epoch, objectiveCurves, atLeastOne: false);
        if (!standing.Kept)
            return StopDecision.Pause($"{standing.Description}: waits for promotion");
        return trialsWaiting
            ? StopDecision.Pause($"{standing.Description}: waits while untried trials run")
            : StopDecision.Continue($"{standing.Description}: kept");
    }

    public IReadOnlyList<int> Promotable(EarlyStoppingSpec spec, ObjectiveSpec objective,
        IReadOnlyCollection<int> paused, IReadOnlyDictionary<int, IReadOnlyList<double>> objectiveCurves,
        bool rungsFinal) =>
        AshaPromotions.Promotable(spec, objective, paused, objectiveCurves, rungsFinal);
}
