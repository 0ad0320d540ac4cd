using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Tests.Search;

/// <summary>Builds sweep specs directly and plays sweeps through a strategy with a synthetic objective.</summary>
internal static class SearchTestKit
{
    public static SweepSpec Spec(SearchSpec search, IReadOnlyDictionary<string, string> baselineValues,
        ObjectiveMode mode = ObjectiveMode.Max, int seed = 7) =>
        new("sweep.yaml", "", new TrialSpec { Seed = seed, Objective = new ObjectiveSpec { Mode = mode } }, search,
            baselineValues);

    public static ValueList Values(string path, params string[] values) => new(path, 10, values);

    /// <summary>The effective value of every path in a trial: the baseline's, overridden by the trial's changes.</summary>
    public static double Numeric(SweepSpec spec, PlannedTrial trial, string path)
    {
        var value = trial.Changes.SingleOrDefault(change => change.Path == path)?.Value ?? spec.BaselineValues[path];
        return double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static TrialObservation Finished(PlannedTrial trial, double objective) =>
        new(trial, TrialState.Completed, objective);

    public static TrialObservation Running(PlannedTrial trial) => new(trial, TrialState.Running, null);

    /// <summary>Proposes, "runs" every proposed trial to completion with <paramref name="objective"/>, and repeats
    /// until the strategy says the sweep is complete. Returns the history and the size of each proposal.</summary>
    public static (List<TrialObservation> History, List<int> Batches) RunToCompletion(ISearchStrategy strategy,
        SweepSpec spec, Func<PlannedTrial, double> objective)
    {
        var history = new List<TrialObservation>();
        var batches = new List<int>();
        while (!strategy.IsComplete(spec, history))
        {
            var proposed = strategy.Propose(spec, history);
            Assert.NotEmpty(proposed);
            Assert.True(batches.Count < 100, "the strategy never completes");
            batches.Add(proposed.Count);
            history.AddRange(proposed.Select(trial => Finished(trial, objective(trial))));
        }
        return (history, batches);
    }

    /// <summary>A value-comparable description of a trial (PlannedTrial holds a list, so records compare by reference).</summary>
    public static string Describe(PlannedTrial trial) =>
        $"{trial.Index}|{trial.Role}|r{trial.Round}|rep{trial.Repeat}|{trial.Seed}|{trial.ConfigKey}|"
        + string.Join(",", trial.Changes.Select(change => $"{change.Path}:{change.Value}<-{change.BaselineValue}"));
}
