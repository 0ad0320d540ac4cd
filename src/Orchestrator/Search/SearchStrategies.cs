using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Search;

public static class SearchStrategies
{
    public static ISearchStrategy For(SearchStrategy strategy) => strategy switch
    {
        SearchStrategy.Ofat => new OfatStrategy(),
        SearchStrategy.OfatAdaptive => new AdaptiveOfatStrategy(),
        SearchStrategy.Grid => new GridStrategy(),
        SearchStrategy.Random => new RandomStrategy(),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };
}
