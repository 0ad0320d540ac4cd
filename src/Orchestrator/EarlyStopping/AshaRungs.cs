using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;
using static Sweep.Orchestrator.EarlyStopping.Curves;

namespace Sweep.Orchestrator.EarlyStopping;

/// <summary>Where a trial stands at an ASHA rung, by its objective so far, among every trial that reached it.</summary>
/// <param name="Kept">Finite and among the best ⌊n / reduction⌋ at the rung (ties included).</param>
public sealed record RungStanding(bool Kept, string Description);

/// <summary>The rung arithmetic shared by the decision at a rung and the promotion of paused trials.</summary>
public static class AshaRungs
{
    public static void Require(EarlyStoppingSpec spec)
    {
        if (spec.GraceEpochs < 1 || spec.Reduction < 2)
            throw new ArgumentOutOfRangeException(nameof(spec), spec,
                "ASHA needs grace epochs ≥ 1 and a reduction factor ≥ 2");
    }

    /// <summary>The first rung at or after <paramref name="epoch"/>.</summary>
    public static long NextRungFrom(EarlyStoppingSpec spec, int epoch)
    {
        long rung = spec.GraceEpochs;
        while (rung < epoch)
            rung *= spec.Reduction;
        return rung;
    }

    /// <param name="atLeastOne">Keep the best trial even when fewer than <c>reduction</c> trials reached the rung:
    /// used once no other trial can reach it, so that a small sweep still trains its best trial to the end.</param>
    public static RungStanding Standing(EarlyStoppingSpec spec, ObjectiveSpec objective, int trialIndex, int rung,
        IReadOnlyDictionary<int, IReadOnlyList<double>> curves, bool atLeastOne)
    {
        var own = Own(curves, trialIndex, rung);
        var value = SoFar(objective.Mode, own, rung);
        var recorded = curves.Values
            .Where(curve => curve.Count >= rung)
            .Select(curve => Score(objective.Mode, SoFar(objective.Mode, curve, rung)))
            .OrderDescending()
            .ToList();
        var kept = recorded.Count / spec.Reduction;
        if (atLeastOne)
            kept = Math.Max(kept, 1);
        var description = $"objective {Show(value)} at rung {rung} against the best {kept} of {recorded.Count}";
        var score = Score(objective.Mode, value);
        return new RungStanding(kept > 0 && double.IsFinite(score) && score >= recorded[kept - 1], description);
    }

    /// <summary>The trial's objective if it stopped at <paramref name="rung"/>: its best epoch up to there; NaN when
    /// no epoch is finite.</summary>
    public static double SoFar(ObjectiveMode mode, IReadOnlyList<double> curve, int rung)
    {
        var finite = curve.Take(rung).Where(double.IsFinite).ToList();
        return finite.Count == 0 ? double.NaN : mode == ObjectiveMode.Max ? finite.Max() : finite.Min();
    }

    /// <summary>Larger is better in either mode; a value that is not finite ranks last.</summary>
    public static double Score(ObjectiveMode mode, double value) =>
        !double.IsFinite(value) ? double.NegativeInfinity : mode == ObjectiveMode.Max ? value : -value;
}
