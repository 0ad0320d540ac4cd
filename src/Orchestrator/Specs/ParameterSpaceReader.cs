using System.Globalization;
using Sweep.Trials.Specs;
using YamlDotNet.RepresentationModel;

namespace Sweep.Orchestrator.Specs;

/// <summary>Reads what one <c>search.parameters</c> entry tries: a list of values, or a distribution
/// (<c>{ uniform: [a, b] }</c>, <c>{ log_uniform: [a, b] }</c>, <c>{ int: [a, b] }</c>, <c>{ choice: [...] }</c>).
/// Values stay YAML flow text so that they bind exactly as if written in the baseline.</summary>
internal static class ParameterSpaceReader
{
    private const string Shapes = "a list of values or one of { uniform: [a, b] }, { log_uniform: [a, b] }, "
        + "{ int: [a, b] }, { choice: [...] }";

    public static ParameterSpace Read(SpecDocument document, string path, int line, YamlNode node)
    {
        var field = $"search.parameters.{path}";
        if (node is YamlSequenceNode list)
            return new ValueList(path, line, Values(document, list, field));
        if (node is not YamlMappingNode { Children.Count: 1 } distribution)
            throw document.ErrorAt(node, field, $"expected {Shapes}, found {YamlNodes.Describe(node)}");

        var (kindNode, argument) = distribution.Children.Single();
        var kind = (kindNode as YamlScalarNode)?.Value ?? "";
        return kind switch
        {
            DistributionNames.Uniform => Uniform(document, path, line, argument, field),
            DistributionNames.LogUniform => LogUniform(document, path, line, argument, field),
            DistributionNames.Int => Integers(document, path, line, argument, field),
            DistributionNames.Choice => argument is YamlSequenceNode choices
                ? new Choice(path, line, Values(document, choices, field))
                : throw document.ErrorAt(argument, field, $"expected a list of values, found {YamlNodes.Describe(argument)}"),
            _ => throw document.ErrorAt(kindNode, field,
                $"unknown distribution '{kind}'; did you mean '{NearestName.Among(kind, DistributionNames.All)}'?"),
        };
    }

    private static UniformRange Uniform(SpecDocument document, string path, int line, YamlNode argument, string field)
    {
        var (low, high) = Bounds(document, argument, field, "numbers", ParseNumber);
        return low < high
            ? new UniformRange(path, line, low, high)
            : throw document.ErrorAt(argument, field, $"expected low < high, found {FlowText.Of(argument)}");
    }

    private static LogUniformRange LogUniform(SpecDocument document, string path, int line, YamlNode argument, string field)
    {
        var (low, high) = Bounds(document, argument, field, "numbers", ParseNumber);
        return low > 0 && low < high
            ? new LogUniformRange(path, line, low, high)
            : throw document.ErrorAt(argument, field, $"expected 0 < low < high, found {FlowText.Of(argument)}");
    }

    private static IntRange Integers(SpecDocument document, string path, int line, YamlNode argument, string field)
    {
        var (low, high) = Bounds(document, argument, field, "integers", ParseInteger);
        return low <= high
            ? new IntRange(path, line, low, high)
            : throw document.ErrorAt(argument, field, $"expected low ≤ high, found {FlowText.Of(argument)}");
    }

    private static IReadOnlyList<string> Values(SpecDocument document, YamlSequenceNode list, string field) =>
        list.Children.Count > 0
            ? [.. list.Children.Select(FlowText.Of)]
            : throw document.ErrorAt(list, field, "expected at least one value, found an empty list");

    private static (T Low, T High) Bounds<T>(SpecDocument document, YamlNode argument, string field, string noun,
        Func<string, T?> parse) where T : struct
    {
        if (argument is YamlSequenceNode { Children: [YamlScalarNode { Value: var lowText }, YamlScalarNode { Value: var highText }] }
            && parse(lowText ?? "") is { } low && parse(highText ?? "") is { } high)
            return (low, high);
        throw document.ErrorAt(argument, field, $"expected [low, high] with two {noun}, found {FlowText.Of(argument)}");
    }

    private static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;

    private static long? ParseInteger(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
}
