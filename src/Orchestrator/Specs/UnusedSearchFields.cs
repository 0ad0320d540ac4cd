using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Specs;

/// <summary>Fields of the <c>search:</c> section written for a strategy or early-stopping policy that does not read
/// them, which the sweep would silently ignore.</summary>
internal static class UnusedSearchFields
{
    private static readonly (string Path, string Setting, Func<SearchSpec, Enum> Value, Enum[] Readers)[] Rules =
    [
        ("search.trials", "search.strategy", search => search.Strategy, [SearchStrategy.Random]),
        ("search.interactions", "search.strategy", search => search.Strategy, [SearchStrategy.Ofat, SearchStrategy.OfatAdaptive]),
        ("search.early_stopping.grace_epochs", "search.early_stopping.policy", search => search.EarlyStopping.Policy,
            [EarlyStoppingPolicy.Median, EarlyStoppingPolicy.Asha]),
        ("search.early_stopping.reduction", "search.early_stopping.policy", search => search.EarlyStopping.Policy,
            [EarlyStoppingPolicy.Asha]),
        ("search.early_stopping.min_trials", "search.early_stopping.policy", search => search.EarlyStopping.Policy,
            [EarlyStoppingPolicy.Median]),
    ];

    public static void Check(SpecDocument document, SearchSpec search)
    {
        foreach (var (path, setting, value, readers) in Rules)
            if (!readers.Contains(value(search)) && WrittenNodes.Written(document.Root, path) is { } node)
                throw document.ErrorAt(node, path,
                    UnreadFields.Problem(setting, readers.Select(EnumSpelling.Format), EnumSpelling.Format(value(search))));
    }
}
