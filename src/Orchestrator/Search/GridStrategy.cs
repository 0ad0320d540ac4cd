using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>Every combination of the listed values. Order: the first parameter varies slowest and the last
/// fastest, each through its values in file order (like nested loops written in file order); each combination is
/// repeated over the seeds. A trial's changes are the values that differ from the baseline's.</summary>
public sealed class GridStrategy : ISearchStrategy
{
    public bool IsComplete(SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        SearchCompletion.IsComplete(this, spec, history);

    public IReadOnlyList<PlannedTrial> Propose(SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        PlanExtension.Append(spec, history, Combinations(spec));

    /// <summary>Lazy, so that a grid far larger than MaxTrials is only walked as far as needed.</summary>
    public static IEnumerable<Configuration> Combinations(SweepSpec spec)
    {
        var axes = spec.Search.Parameters
            .Select(parameter => Axis(spec, parameter))
            .ToList();
        if (axes.Any(axis => axis.Count == 0))
            yield break;

        var position = new int[axes.Count];
        while (true)
        {
            yield return new Configuration(
                axes.Select((axis, dimension) => axis[position[dimension]]).OfType<ParameterChange>().ToList(),
                TrialRoles.Grid);
            var dimensionToAdvance = axes.Count - 1;
            while (dimensionToAdvance >= 0 && ++position[dimensionToAdvance] == axes[dimensionToAdvance].Count)
                position[dimensionToAdvance--] = 0;
            if (dimensionToAdvance < 0)
                yield break;
        }
    }

    /// <summary>One entry per listed value: the change it makes, or null where it equals the baseline's value.</summary>
    private static IReadOnlyList<ParameterChange?> Axis(SweepSpec spec, ParameterSpace parameter)
    {
        var baselineValue = ListedValues.BaselineValue(spec, parameter);
        return ListedValues.Of(spec, parameter)
            .Select(value => FlowValues.AreEqual(value, baselineValue)
                ? null
                : new ParameterChange(parameter.Path, value, baselineValue))
            .ToList();
    }
}
