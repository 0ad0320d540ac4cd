using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>All seed repeats of one configuration.</summary>
public sealed record ConfigGroup(string ConfigKey, string Role, int Round, IReadOnlyList<ChangeInfo> Changes,
    IReadOnlyList<TrialInfo> Trials)
{
    public MeanSpread? Objective => MeanSpread.Of(Trials.Where(t => t.Objective.HasValue).Select(t => t.Objective!.Value));

    public MeanSpread? Gap => MeanSpread.Of(Trials.Select(t => FinalErrors.Of(t.Epochs)?.Gap ?? double.NaN));

    public bool IsBaseline => Role == TrialRoles.Baseline;

    /// <summary>Groups in order of first appearance.</summary>
    public static IReadOnlyList<ConfigGroup> GroupAll(IEnumerable<TrialInfo> trials) =>
        trials.GroupBy(t => t.ConfigKey)
            .Select(g =>
            {
                var first = g.OrderBy(t => t.Index).First();
                return new ConfigGroup(g.Key, first.Role, first.Round, first.Changes, g.OrderBy(t => t.Repeat).ToList());
            })
            .OrderBy(g => g.Trials.Min(t => t.Index))
            .ToList();
}
