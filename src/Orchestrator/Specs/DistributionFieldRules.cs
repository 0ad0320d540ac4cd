using Sweep.Trials.Specs;
using YamlDotNet.RepresentationModel;

namespace Sweep.Orchestrator.Specs;

/// <summary>A distribution must draw the kind of value its field holds: binding its two bounds cannot tell that
/// <c>{ uniform: [1, 10] }</c> would later draw 3.7 for an integer field.</summary>
internal static class DistributionFieldRules
{
    public static void Check(SpecDocument document, ParameterSpace space, YamlNode keyNode, string field)
    {
        var type = SpecPaths.TypeAt(space.Path);
        var integer = type == typeof(int) || type == typeof(long);
        var problem = space switch
        {
            UniformRange or LogUniformRange when type == typeof(double) => null,
            UniformRange or LogUniformRange when integer =>
                $"{DistributionNames.Of(space)} draws real numbers but {space.Path} takes an integer; use {{ int: [a, b] }}",
            IntRange when integer => null,
            IntRange when type == typeof(double) =>
                $"int draws integers but {space.Path} takes any number; use {{ uniform: [a, b] }} or {{ log_uniform: [a, b] }}",
            UniformRange or LogUniformRange or IntRange =>
                $"{DistributionNames.Of(space)} draws numbers but {space.Path} does not take one; use {{ choice: [...] }}",
            _ => null,
        };
        if (problem is not null)
            throw document.ErrorAt(keyNode, field, problem);
    }
}
