namespace Sweep.Reports.Model;

/// <summary>How the spec draws a parameter's values: listed values (OFAT, grid), a uniform, log-uniform or integer
/// range, or a random choice among listed values.</summary>
public enum ParameterDistribution { Values, Uniform, LogUniform, Integer, Choice }

/// <summary>One parameter the search varies, as the spec defines it; <paramref name="Low"/> and
/// <paramref name="High"/> are the range's bounds, null for listed values.</summary>
public sealed record SearchParameterInfo(string Path, ParameterDistribution Distribution, double? Low = null,
    double? High = null)
{
    public bool IsLogarithmic => Distribution == ParameterDistribution.LogUniform;

    public bool IsRange => Distribution is ParameterDistribution.Uniform or ParameterDistribution.LogUniform
        or ParameterDistribution.Integer;
}
