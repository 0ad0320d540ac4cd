using System.Numerics;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>Draws one value of a parameter for random search, as YAML flow text: a listed value uniformly,
/// a uniform or log-uniform real within [low, high], or an integer within [low, high] inclusive.</summary>
public static class ParameterSampler
{
    public static string Draw(SweepSpec spec, ParameterSpace parameter, SplitMix64Random random) => parameter switch
    {
        ValueList or Choice => Pick(Listed(spec, parameter), random),
        UniformRange range => FlowValues.Format(Uniform(spec, range, random)),
        LogUniformRange range => FlowValues.Format(LogUniform(spec, range, random)),
        IntRange range => FlowValues.Format(Integer(spec, range, random)),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter.GetType().Name, null),
    };

    /// <summary>How many distinct values a draw can give; null when a real range makes them uncountably many.</summary>
    public static BigInteger? DistinctValues(SweepSpec spec, ParameterSpace parameter) => parameter switch
    {
        ValueList or Choice => Listed(spec, parameter).Count,
        UniformRange range => CheckedBounds(spec, range, range.Low, range.High, positive: false) == 0 ? 1 : null,
        LogUniformRange range => CheckedBounds(spec, range, range.Low, range.High, positive: true) == 0 ? 1 : null,
        IntRange range => (BigInteger)IntegerSpan(spec, range),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter.GetType().Name, null),
    };

    private static IReadOnlyList<string> Listed(SweepSpec spec, ParameterSpace parameter)
    {
        var values = ListedValues.Of(spec, parameter);
        return values.Count > 0
            ? values
            : throw new SpecException(spec.SourcePath, parameter.Line, parameter.Path, "expected at least one value");
    }

    private static string Pick(IReadOnlyList<string> values, SplitMix64Random random) =>
        values[(int)random.NextBelow((ulong)values.Count)];

    private static double Uniform(SweepSpec spec, UniformRange range, SplitMix64Random random)
    {
        var width = CheckedBounds(spec, range, range.Low, range.High, positive: false);
        return Math.Min(range.High, range.Low + random.NextDouble() * width);
    }

    private static double LogUniform(SweepSpec spec, LogUniformRange range, SplitMix64Random random)
    {
        CheckedBounds(spec, range, range.Low, range.High, positive: true);
        var logLow = Math.Log(range.Low);
        var value = Math.Exp(logLow + random.NextDouble() * (Math.Log(range.High) - logLow));
        // exp(log x) need not give x back exactly; keep the promise that draws lie within the bounds.
        return Math.Clamp(value, range.Low, range.High);
    }

    private static long Integer(SweepSpec spec, IntRange range, SplitMix64Random random) =>
        (long)(range.Low + (Int128)random.NextBelow(IntegerSpan(spec, range)));

    private static ulong IntegerSpan(SweepSpec spec, IntRange range)
    {
        var span = (Int128)range.High - range.Low + 1;
        return span >= 1 && span <= ulong.MaxValue
            ? (ulong)span
            : throw new SpecException(spec.SourcePath, range.Line, range.Path,
                $"expected an integer range with low ≤ high, got [{range.Low}, {range.High}]");
    }

    /// <summary>The range's width, after checking that its bounds can be sampled.</summary>
    private static double CheckedBounds(SweepSpec spec, ParameterSpace range, double low, double high, bool positive)
    {
        var valid = double.IsFinite(low) && double.IsFinite(high) && low <= high && (!positive || low > 0);
        return valid
            ? high - low
            : throw new SpecException(spec.SourcePath, range.Line, range.Path,
                $"expected finite bounds with {(positive ? "0 < low" : "low")} ≤ high, got [{FlowValues.Format(low)}, {FlowValues.Format(high)}]");
    }
}
