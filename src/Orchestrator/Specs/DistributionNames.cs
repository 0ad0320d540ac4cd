namespace Sweep.Orchestrator.Specs;

/// <summary>The YAML keys of the distributions a random search can sample.</summary>
internal static class DistributionNames
{
    public const string Uniform = "uniform";
    public const string LogUniform = "log_uniform";
    public const string Int = "int";
    public const string Choice = "choice";

    public static IReadOnlyList<string> All { get; } = [Uniform, LogUniform, Int, Choice];

    public static string Of(ParameterSpace space) => space switch
    {
        UniformRange => Uniform,
        LogUniformRange => LogUniform,
        IntRange => Int,
        Specs.Choice => Choice,
        _ => "a list",
    };
}
