namespace Sweep.Reports.Model;

/// <param name="ObjectiveMetric">The metric the sweep optimizes, e.g. <c>val_accuracy</c> or <c>val_loss</c>.</param>
/// <param name="WallSeconds">Elapsed time from the first trial's start to now or to the end.</param>
/// <param name="ComputeSeconds">Sum of the trials' own run times.</param>
/// <param name="ReproduceCommand">A shell command that re-runs the sweep.</param>
/// <param name="Parameters">The parameters the search varies, in the order the spec lists them, with how the spec
/// draws each.</param>
/// <param name="BaselineValues">Each varied parameter's baseline value as YAML flow text.</param>
/// <param name="ClassCount">Classes of the dataset, for the chance-level sanity checks.</param>
/// <param name="EarlyStopping">The policy that paused and pruned trials, if any.</param>
public sealed record SweepInfo(
    string Id,
    string Name,
    string Strategy,
    string Dataset,
    string ObjectiveMetric,
    bool Maximize,
    DateTimeOffset CreatedAt,
    double WallSeconds,
    double ComputeSeconds,
    IReadOnlyList<string> Hosts,
    string ReproduceCommand,
    int Repeats,
    IReadOnlyList<SearchParameterInfo> Parameters,
    IReadOnlyDictionary<string, string> BaselineValues,
    int ClassCount,
    EarlyStoppingInfo EarlyStopping)
{
    public IReadOnlyList<string> ParameterPaths => Parameters.Select(p => p.Path).ToList();

    public SearchParameterInfo? Parameter(string path) => Parameters.FirstOrDefault(p => p.Path == path);
}
