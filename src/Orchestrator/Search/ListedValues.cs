using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>The values a parameter takes in strategies that enumerate (OFAT, adaptive OFAT, grid): its list in file
/// order, or every integer of an integer range. Continuous ranges only make sense for random search.</summary>
public static class ListedValues
{
    /// <summary>Enumerating a larger integer range is almost certainly a mistake in the file.</summary>
    public const long MaxIntegerRangeSize = 1000;

    public static IReadOnlyList<string> Of(SweepSpec spec, ParameterSpace parameter)
    {
        var values = parameter switch
        {
            ValueList list => list.Values,
            Choice choice => choice.Values,
            IntRange range => Integers(spec, range),
            UniformRange or LogUniformRange => throw new SpecException(spec.SourcePath, parameter.Line,
                parameter.Path, "expected a list of values; continuous ranges are only for random search"),
            _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter.GetType().Name, null),
        };
        return values.DistinctBy(FlowValues.Canonical, StringComparer.Ordinal).ToList();
    }

    /// <summary>The listed values that differ from the baseline's, each as the change it makes.</summary>
    public static IReadOnlyList<ParameterChange> ChangesFromBaseline(SweepSpec spec, ParameterSpace parameter)
    {
        var baselineValue = BaselineValue(spec, parameter);
        return Of(spec, parameter)
            .Where(value => !FlowValues.AreEqual(value, baselineValue))
            .Select(value => new ParameterChange(parameter.Path, value, baselineValue))
            .ToList();
    }

    public static string BaselineValue(SweepSpec spec, ParameterSpace parameter) =>
        spec.BaselineValues.TryGetValue(parameter.Path, out var value)
            ? value
            : throw new SpecException(spec.SourcePath, parameter.Line, parameter.Path,
                "has no baseline value; expected a parameter path of the trial spec");

    private static IReadOnlyList<string> Integers(SweepSpec spec, IntRange range)
    {
        if (range.High < range.Low || (Int128)range.High - range.Low >= MaxIntegerRangeSize)
            throw new SpecException(spec.SourcePath, range.Line, range.Path,
                $"expected an integer range low ≤ high with at most {MaxIntegerRangeSize} values to enumerate, got [{range.Low}, {range.High}]");
        var values = new List<string>();
        for (var value = range.Low; value <= range.High; value++)
            values.Add(FlowValues.Format(value));
        return values;
    }
}
