using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>The configurations of one OFAT pass: a base configuration, then each listed value of each parameter
/// not yet changed, in file order, applied alone on top of it.</summary>
public static class SingleChanges
{
    public static IReadOnlyList<Configuration> OnTopOf(SweepSpec spec, IReadOnlyList<ParameterChange> baseChanges,
        int round)
    {
        var changedPaths = baseChanges.Select(change => change.Path).ToHashSet(StringComparer.Ordinal);
        return spec.Search.Parameters
            .Where(parameter => !changedPaths.Contains(parameter.Path))
            .SelectMany(parameter => ListedValues.ChangesFromBaseline(spec, parameter))
            .Select(change => new Configuration([.. baseChanges, change], TrialRoles.SingleChange, round))
            .ToList();
    }

    /// <summary>Round 0 of OFAT and adaptive OFAT: the written baseline, then every single change.</summary>
    public static IReadOnlyList<Configuration> FirstPass(SweepSpec spec) =>
        [new Configuration([], TrialRoles.Baseline), .. OnTopOf(spec, [], round: 0)];
}
