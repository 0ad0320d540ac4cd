using Sweep.Trials.Specs;
using YamlDotNet.RepresentationModel;

namespace Sweep.Orchestrator.Specs;

/// <summary>Which parameter spaces a strategy can use: OFAT and grid step through listed values; random search
/// also samples distributions.</summary>
internal static class StrategyRules
{
    public static void Check(SpecDocument document, SearchStrategy strategy, ParameterSpace space, YamlNode keyNode,
        string field)
    {
        if (strategy == SearchStrategy.Random || space is ValueList)
            return;
        throw document.ErrorAt(keyNode, field,
            $"expected a list of values: the {FlowText.Format(strategy)} strategy steps through listed values; "
            + $"{DistributionNames.Of(space)} is for random search");
    }
}
