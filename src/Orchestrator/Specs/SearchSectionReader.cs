using Sweep.Trials.Specs;
using YamlDotNet.RepresentationModel;

namespace Sweep.Orchestrator.Specs;

/// <summary>Reads the <c>search:</c> section; a file without one sweeps nothing and runs its baseline.</summary>
internal static class SearchSectionReader
{
    private static readonly HashSet<string> ReadHere = ["parameters"];

    public static SearchSpec Read(SpecDocument document, Func<string, ModelSpec> presets)
    {
        var section = ValueOf(document.Root, "search");
        if (section is null || IsEmpty(section))
            return new SearchSpec();
        if (section is not YamlMappingNode mapping)
            throw document.ErrorAt(section, "search", $"expected a mapping of fields, found {Describe(section)}");

        var search = document.BindSection<SearchSpec>(mapping, "search", ReadHere);
        var parametersNode = ValueOf(mapping, "parameters");
        if (parametersNode is null || IsEmpty(parametersNode))
            return search;
        if (parametersNode is not YamlMappingNode parameters)
            throw document.ErrorAt(parametersNode, "search.parameters",
                $"expected a mapping from parameter paths to values, found {Describe(parametersNode)}");

        var spaces = new List<ParameterSpace>();
        var checker = new ParameterValueChecker(document, presets);
        foreach (var (keyNode, valueNode) in parameters.Children)
        {
            var path = (keyNode as YamlScalarNode)?.Value ?? "";
            var field = $"search.parameters.{path}";
            if (!SpecPaths.IsValid(path))
                throw document.ErrorAt(keyNode, field,
                    $"unknown parameter '{path}'; did you mean '{SpecPaths.Nearest(path)}'?");
            var space = ParameterSpaceReader.Read(document, path, (int)keyNode.Start.Line, valueNode);
            StrategyRules.Check(document, search.Strategy, space, keyNode, field);
            DistributionFieldRules.Check(document, space, keyNode, field);
            checker.Check(space);
            spaces.Add(space);
        }
        return search with { Parameters = spaces };
    }

    internal static YamlNode? ValueOf(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var written } && written == key).Value;

    internal static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" };

    internal static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };
}
