namespace Sweep.Reports.Analysis;

/// <summary>What changing one parameter alone did, read from the single-change effects.</summary>
/// <param name="ValuesTried">Single changes of this parameter with results.</param>
/// <param name="Best">The change that improved the objective most (or hurt it least); null when none has results.</param>
/// <param name="Range">Spread of the objective over the parameter's values, the baseline's included: the largest
/// Δ minus the smallest, each Δ against the baseline of its round (the baseline's own Δ is 0).</param>
public sealed record ParameterEffect(string Path, int ValuesTried, ChangeEffect? Best, double? Range);

public static class ParameterEffects
{
    /// <summary>One row per parameter, in the order given, from <paramref name="effects"/> as
    /// <see cref="ChangeEffects.Analyze"/> computed them, so the Δs and verdicts are the Effects section's own.</summary>
    public static IReadOnlyList<ParameterEffect> Summarize(IEnumerable<string> paths, IReadOnlyList<ChangeEffect> effects,
        ObjectiveOrder order)
    {
        var single = effects.Where(e => e.Changes.Count == 1).ToLookup(e => e.Changes[0].Path);
        return paths.Select(path =>
        {
            var own = single[path].ToList();
            if (own.Count == 0) return new ParameterEffect(path, 0, null, null);
            var deltas = own.Select(e => e.DeltaObjective).Append(0).ToList();
            return new ParameterEffect(path, own.Count, own.MaxBy(e => order.Improvement(e.DeltaObjective)),
                deltas.Max() - deltas.Min());
        }).ToList();
    }
}
