using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Search;
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
    /// <summary>Everything the report shows of a sweep, read from its store: the one way the static report and any
    /// other view of it get their input.</summary>
    public static async Task<ReportInput> ReadAsync(SweepRecord sweep, ISweepStore store, string sweepDirectory,
        DateTimeOffset now, CancellationToken cancellation)
    {
        var spec = new SpecLoader().Read(sweep.SpecText, sweep.SpecPath);
        var trials = await store.GetTrialsAsync(sweep.Id, cancellation);
        var epochs = await store.GetEpochsAsync(sweep.Id, cancellationToken: cancellation);
        var decisions = await store.GetDecisionsAsync(sweep.Id, cancellation);
        return Build(sweep, spec, trials, epochs, sweepDirectory, now, decisions);
    }

    public static ReportInput Build(SweepRecord sweep, SweepSpec spec, IReadOnlyList<TrialRecord> trials,
        IReadOnlyList<EpochRecord> epochs, string sweepDirectory, DateTimeOffset now,
        IReadOnlyList<SearchDecision>? decisions = null)
    {
        var epochsByTrial = epochs.ToLookup(e => e.TrialIndex, e => e.Metrics);
        var decisionsByTrial = epochs.Where(e => e.Decision is not null).ToLookup(e => e.TrialIndex,
            e => new StopDecisionInfo(e.Metrics.Epoch, e.Decision!.Action.ToString().ToLowerInvariant(), e.Decision.Reason));
        var loader = new SpecLoader();
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
            spec.Search.Parameters.Select(Parameter).ToList(),
            spec.BaselineValues,
            classCount,
            EarlyStopping(spec.Search.EarlyStopping));
        return new ReportInput(info,
            trials.Select(t => Trial(t, epochsByTrial[t.Index].ToList(), parts.GetValueOrDefault(t.Index))
                with { PlannedEpochs = PlannedEpochs(loader, spec, t.Plan), Decisions = decisionsByTrial[t.Index].OrderBy(d => d.Epoch).ToList() })
                .ToList())
        {
            SearchDecisions = (decisions ?? []).Select(Decision).ToList(),
        };
    }

    private static DecisionInfo Decision(SearchDecision decision) => new(
        decision.Kind,
        decision.Round,
        Changes(decision.Baseline),
        decision.Reference is { } reference ? Mean(reference) : null,
        decision.Candidates.Select(c => new DecisionCandidate(Mean(c.Measured), c.Gain, c.Noise)).ToList(),
        decision.Chosen,
        decision.StopReason?.ToString());

    private static DecisionMean Mean(MeasuredConfiguration measured) =>
        new(measured.ConfigKey, Changes(measured.Changes), measured.Mean, measured.StandardError, measured.Count);

    private static IReadOnlyList<ChangeInfo> Changes(IEnumerable<ParameterChange> changes) =>
        changes.Select(c => new ChangeInfo(c.Path, c.Value, c.BaselineValue)).ToList();

    private static SearchParameterInfo Parameter(ParameterSpace space) => space switch
    {
        UniformRange r => new(r.Path, ParameterDistribution.Uniform, r.Low, r.High),
        LogUniformRange r => new(r.Path, ParameterDistribution.LogUniform, r.Low, r.High),
        IntRange r => new(r.Path, ParameterDistribution.Integer, r.Low, r.High),
        Choice c => new(c.Path, ParameterDistribution.Choice),
        _ => new(space.Path, ParameterDistribution.Values),
    };

    private static EarlyStoppingInfo EarlyStopping(EarlyStoppingSpec stopping) =>
        new(Spelling(stopping.Policy), stopping.GraceEpochs, stopping.Reduction, stopping.MinTrials);

    /// <summary>Only a change of <c>training.epochs</c> moves a trial's budget from the baseline's, so only then is the
    /// trial's spec resolved (which parses the whole file again).</summary>
    private static int PlannedEpochs(SpecLoader loader, SweepSpec spec, PlannedTrial plan) =>
        plan.Changes.Any(c => c.Path == "training.epochs")
            ? loader.Resolve(spec, plan).Training.Epochs
            : spec.Baseline.Training.Epochs;

    /// <param name="parts">Which hosts trained which epochs, when the store recorded it.</param>
    private static TrialInfo Trial(TrialRecord trial, IReadOnlyList<EpochMetrics> stored, string? parts)
    {
        var result = trial.Result;
        var curve = result?.Epochs is { Count: > 0 } finished ? finished : stored;
        return new TrialInfo(
            trial.Index,
            trial.State.ToString().ToLowerInvariant(),
            trial.Plan.Role,
            Changes(trial.Plan.Changes),
            trial.Plan.Repeat,
            trial.Plan.Seed,
            trial.Plan.ConfigKey,
            trial.Plan.Round,
            curve.Select(e => new EpochInfo(e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValLoss, e.ValAccuracy,
                e.LearningRate, e.Seconds, e.TrainEvalLoss, e.TrainEvalAccuracy)).ToList(),
            result is { BestEpoch: > 0 } ? result.BestEpoch : null,
            SweepProjection.FinalObjective(trial),
            result?.Test is { } test ? Test(test) : null,
            result?.Sanity is { } sanity
                ? new SanityInfo(sanity.InitialLoss, sanity.ExpectedInitialLoss, sanity.InitialAccuracy,
                    sanity.ExpectedInitialAccuracy, sanity.OverfitOneBatchPassed)
                : null,
            result?.Model?.TrainableParameters,
            result?.Seconds ?? 0,
            trial.Message ?? result?.Message,
            result?.StoppedAtEpoch,
            parts ?? result?.Environment.Host,
            FinishedAt: trial.FinishedAt);
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
