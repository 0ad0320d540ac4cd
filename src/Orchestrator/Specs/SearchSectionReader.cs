using Sweep.Trials.Specs;
using YamlDotNet.RepresentationModel;

namespace Sweep.Orchestrator.Specs;

/// <summary>Reads the <c>search:</c> section; a file without one sweeps nothing and runs its baseline.</summary>
internal static class SearchSectionReader
{
    private static readonly HashSet<string> ReadHere = ["parameters"];

    public static SearchSpec Read(SpecDocument document, Func<string, ModelSpec> presets)
    {
        var section = YamlNodes.ValueOf(document.Root, "search");
        if (section is null || YamlNodes.IsNull(section))
            return new SearchSpec();
        if (section is not YamlMappingNode mapping)
            throw document.ErrorAt(section, "search", $"expected a mapping of fields, found {YamlNodes.Describe(section)}");

        var search = document.BindSection<SearchSpec>(mapping, "search", ReadHere);
        UnusedSearchFields.Check(document, search);
        var parametersNode = YamlNodes.ValueOf(mapping, "parameters");
        if (parametersNode is null || YamlNodes.IsNull(parametersNode))
            return search;
        if (parametersNode is not YamlMappingNode parameters)
            throw document.ErrorAt(parametersNode, "search.parameters",
                $"expected a mapping from parameter paths to values, found {YamlNodes.Describe(parametersNode)}");

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
}
