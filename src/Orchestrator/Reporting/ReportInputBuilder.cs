using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Reports.Model;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Reporting;

/// <summary>Translates the sweep store's records into the report's own input model, so the report module needs
/// neither Orleans nor TorchSharp.</summary>
public static class ReportInputBuilder
{
    public static ReportInput Build(SweepRecord sweep, SweepSpec spec, IReadOnlyList<TrialRecord> trials,
        IReadOnlyList<EpochRecord> epochs, string sweepDirectory, DateTimeOffset now)
    {
        var epochsByTrial = epochs.ToLookup(e => e.TrialIndex, e => e.Metrics);
        var parts = epochs.GroupBy(e => e.TrialIndex).ToDictionary(g => g.Key, TrialParts.Describe);
        var started = trials.Select(t => t.StartedAt).Where(t => t is not null).DefaultIfEmpty(sweep.CreatedAt).Min()!.Value;
        var ended = trials.All(t => t.FinishedAt is not null) && trials.Count > 0
            ? trials.Max(t => t.FinishedAt!.Value) : now;
        var hosts = trials.Select(t => t.Result?.Environment.Host)
            .Concat(epochs.Select(e => e.RecordedBy?.Split('/')[0]))
            .OfType<string>().Distinct().Order().ToList();
        var classCount = trials.Select(t => t.Result?.Test?.ClassNames.Count).OfType<int>().FirstOrDefault(10);
        var info = new SweepInfo(
            sweep.Id,
            sweep.Name,
            Spelling(spec.Search.Strategy),
            Spelling(spec.Baseline.Dataset.Name),
            Spelling(spec.Baseline.Objective.Metric),
            spec.Baseline.Objective.Mode == ObjectiveMode.Max,
            sweep.CreatedAt,
            Math.Max(0, (ended - started).TotalSeconds),
            trials.Sum(t => t.Result?.Seconds ?? 0),
            hosts,
            $"sweep run {sweep.SpecPath}   (one trial: sweep train --from {sweepDirectory} --trial N)",
            spec.Search.Repeats,
            spec.Search.Parameters.Select(p => p.Path).ToList(),
            spec.BaselineValues,
            classCount);
        return new ReportInput(info,
            trials.Select(t => Trial(t, epochsByTrial[t.Index].ToList(), parts.GetValueOrDefault(t.Index))).ToList());
    }

    /// <param name="parts">Which hosts trained which epochs, when the store recorded it.</param>
    private static TrialInfo Trial(TrialRecord trial, IReadOnlyList<EpochMetrics> stored, string? parts)
    {
        var result = trial.Result;
        var curve = result?.Epochs is { Count: > 0 } finished ? finished : stored;
        return new TrialInfo(
            trial.Index,
            trial.State.ToString().ToLowerInvariant(),
            trial.Plan.Role,
            trial.Plan.Changes.Select(c => new ChangeInfo(c.Path, c.Value, c.BaselineValue)).ToList(),
            trial.Plan.Repeat,
            trial.Plan.Seed,
            trial.Plan.ConfigKey,
            trial.Plan.Round,
            curve.Select(e => new EpochInfo(e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValLoss, e.ValAccuracy,
                e.LearningRate, e.Seconds, e.TrainEvalLoss, e.TrainEvalAccuracy)).ToList(),
            result is { BestEpoch: > 0 } ? result.BestEpoch : null,
            result?.BestObjective,
            result?.Test is { } test ? Test(test) : null,
            result?.Sanity is { } sanity
                ? new SanityInfo(sanity.InitialLoss, sanity.ExpectedInitialLoss, sanity.InitialAccuracy,
                    sanity.ExpectedInitialAccuracy, sanity.OverfitOneBatchPassed)
                : null,
            result?.Model?.TrainableParameters,
            result?.Seconds ?? 0,
            trial.Message ?? result?.Message,
            result?.StoppedAtEpoch,
            parts ?? result?.Environment.Host);
    }

    private static TestInfo Test(TestMetrics test) => new(
        test.Accuracy,
        test.MacroF1,
        test.ClassNames,
        test.PerClass.Select(c => new ClassScore(c.Label, c.Precision, c.Recall, c.F1, c.Support)).ToList(),
        test.ConfusionMatrix,
        test.Misclassified.Select(m => new ImageInfo(m.Index, m.TrueClass, m.PredictedClass, m.Channels, m.Height,
            m.Width, m.Pixels)).ToList());

    private static string Spelling(Enum value) => FlowText.Format(value);
}
