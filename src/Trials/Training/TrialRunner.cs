using System.Diagnostics;
using System.Text.Json;
using Sweep.Trials.Checkpoints;
using Sweep.Trials.Data;
using Sweep.Trials.Models;
using Sweep.Trials.Seeding;
using Sweep.Trials.Specs;
using Sweep.Trials.Training.Optimizers;
using Sweep.Trials.Training.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Training;

/// <summary>Stop ends the trial here (early stopping); Yield gives it back after this epoch's checkpoint, to be
/// resumed later, as a draining host does.</summary>
public enum EpochDecision { Continue, Stop, Yield }

/// <summary>Hears about a trial's progress; the loop never prints. <see cref="OnEpoch"/> can stop the trial
/// (early stopping by the orchestrator), after that epoch's checkpoint is written.</summary>
public interface ITrialObserver
{
    void OnBatch(int epoch, int batch, int batchCount, double meanLoss) { }

    /// <summary>Also called, first, for the epoch a resumed trial restored: a replay with the same metrics.</summary>
    EpochDecision OnEpoch(EpochMetrics metrics);

    /// <summary>Something the person running the trial should know that does not stop it (a checkpoint skipped).</summary>
    void OnNotice(string message) { }
}

/// <param name="Threads">Intra-op threads for this trial (its slot's share of the cores).</param>
/// <param name="Slot">Worker slot; picks the GPU when there are several.</param>
/// <param name="RunDirectory">Checkpoints and the best model go here; null trains without checkpoints.</param>
/// <param name="SpecFile">The spec's path, for messages.</param>
/// <param name="DataDirectory">Where to look for dataset files before the standard places.</param>
/// <param name="CheckpointWriter">Who writes this run's checkpoints: the lease owner in a sweep.</param>
/// <param name="AcceptedCheckpoints">The checkpoints the sweep recorded for this trial, the only ones it may resume
/// from; null outside a sweep, where the writer's own checkpoints of the same trial count.</param>
/// <param name="Gpu">The GPU a host pinned this trial's slot to (its worker process sees only that one).</param>
public sealed record TrialRunOptions(
    int Threads,
    int Slot = 0,
    string? RunDirectory = null,
    string SpecFile = "spec",
    string? DataDirectory = null,
    string CheckpointWriter = CheckpointStore.Standalone,
    IReadOnlyList<CheckpointRef>? AcceptedCheckpoints = null,
    int? Gpu = null);

/// <summary>Trains one trial: deterministic for a given spec, seed and thread count, resumable from its
/// per-epoch checkpoints with identical results.</summary>
/// <param name="frozenFeatureBytes">The most memory a trial may hold its frozen layers' outputs in (see
/// <see cref="FrozenFeatures"/>); 0 runs every batch through the whole network.</param>
public sealed class TrialRunner(long frozenFeatureBytes = FrozenFeatures.MostBytes)
{
    /// <summary>In the run directory: the weights of the best epoch, in TorchSharp's <c>module.save</c> format.</summary>
    public const string BestModelFileName = "best-model.pt";
    private static readonly JsonSerializerOptions StateJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public TrialResult Run(TrialSpec spec, TrialRunOptions options, ITrialObserver observer,
        CancellationToken cancellationToken = default)
    {
        set_num_threads(options.Threads);
        var device = Devices.Select(options.Slot);
        var environment = Devices.Describe(device, options.Threads);
        var clock = Stopwatch.StartNew();
        var data = DatasetCache.Get(spec.Dataset with { Normalize = InputNormalization.Of(spec) }, options.DataDirectory,
            options.SpecFile);
        var classes = data.ClassNames.Count;
        var resizer = InputResizer.Of(spec.Dataset);
        var (height, width) = resizer.OutputOf(data.Height, data.Width);
        var plan = ModelPlanner.Plan(spec.Model, data.Channels, height, width, classes, options.SpecFile);

        using var generator = new Generator((ulong)Seeds.Derive(spec.Seed, "init"));
        using var model = BuildModel(spec, plan, generator, options.SpecFile);
        model.to(device);
        var summary = ModelSummaries.Summarize(plan, model);
        using var optimizer = OptimizerFactory.Create(spec.Training, model, plan.OutputLayer);
        var checkpoints = options.RunDirectory is { } dir
            ? new CheckpointStore(CheckpointStore.DirectoryIn(dir), options.CheckpointWriter)
            : null;
        var identity = TrialIdentity.Of(spec);
        var augmenter = spec.Dataset.Augmentation.Any ? new Augmenter(spec.Dataset.Augmentation, data.Mean, data.Std) : null;
        using var trainEvaluation = TrainingEvaluationSubset.Draw(data, spec);
        using var frozen = FrozenFeatures.Compute(model, data, trainEvaluation, resizer, augmenter is not null, device,
            frozenFeatureBytes);

        using var best = new BestWeights(options.RunDirectory);
        var state = Restore(checkpoints, model, optimizer, identity, options.AcceptedCheckpoints, observer)
            ?? new TrainingState(0, 0, [], 0, null, double.PositiveInfinity, 0, null, 0);
        var secondsBefore = state.Seconds;
        if (state.Sanity is null)
            state = state with { Sanity = SanityCheck.Run(spec, plan, model, data, resizer, device) };

        var trainCount = data.TrainLabels.shape[0];
        var stepsPerEpoch = EpochBatches.Count(trainCount, spec.Training.BatchSize);
        var history = state.History.ToList();
        var (outcome, message, stoppedAt) = (TrialOutcome.Completed, (string?)null, (int?)null);
        // The restored epoch is reported again first: the sweep answers with the decision it stored for it, so a
        // trial stopped there (paused, pruned, out of patience) before its end was recorded stops there again.
        var stop = state.Epoch > 0 ? AfterCheckpoint(spec, state, state.History[^1], observer) : null;
        for (var epoch = state.Epoch + 1; stop is null && epoch <= spec.Training.Epochs; epoch++)
        {
            using var scope = NewDisposeScope();
            var epochClock = Stopwatch.StartNew();
            generator.manual_seed(Seeds.Derive(spec.Seed, "epoch", epoch));
            var train = TrainOneEpoch(spec, model, optimizer, data, resizer, augmenter, frozen, generator, device, epoch,
                state.Step, stepsPerEpoch, observer, cancellationToken);
            if (train is null)
                return Interrupted(history, state, summary, environment, secondsBefore + clock.Elapsed.TotalSeconds);
            var (trainLoss, trainAccuracy, lastRate) = train.Value;
            // Measured in eval mode (dropout off, frozen and live BatchNorm on running statistics, no augmentation)
            // like validation, so the gap between them is the model's and not the training mode's; the next epoch
            // puts the model back in train mode.
            (double Loss, double Accuracy)? trainEval = !double.IsFinite(trainLoss) ? null
                : frozen is null ? EvaluationPass.OfImages(model, trainEvaluation.Images, trainEvaluation.Labels, resizer, device)
                : EvaluationPass.OfFeatures(model, frozen.Forward, frozen.TrainEvaluation, trainEvaluation.Labels, device);
            var (valLoss, valAccuracy) = frozen is null
                ? EvaluationPass.OfImages(model, data.ValImages, data.ValLabels, resizer, device)
                : EvaluationPass.OfFeatures(model, frozen.Forward, frozen.Validation, data.ValLabels, device);
            // The batches' tensors are freed by now; what the epoch keeps is small.
            FreedHeapMemory.Return();
            var seconds = epochClock.Elapsed.TotalSeconds;
            var metrics = new EpochMetrics(epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, lastRate, seconds,
                trainCount / Math.Max(seconds, 1e-9), trainEval?.Loss, trainEval?.Accuracy);
            history.Add(metrics);
            state = state with { Epoch = epoch, Step = state.Step + stepsPerEpoch, History = history.ToList() };

            if (!double.IsFinite(trainLoss) || !double.IsFinite(valLoss))
            {
                stop = (TrialOutcome.Diverged,
                    $"loss became {(double.IsFinite(trainLoss) ? valLoss : trainLoss)} in epoch {epoch}", epoch);
                observer.OnEpoch(metrics);
                break;
            }

            state = Track(spec, state, metrics, model, best);
            state = state with { Seconds = secondsBefore + clock.Elapsed.TotalSeconds };
            checkpoints?.Save(epoch, identity, JsonSerializer.Serialize(state, StateJson), model, optimizer);
            stop = AfterCheckpoint(spec, state, metrics, observer);
            if (stop is null && cancellationToken.IsCancellationRequested)
                return Interrupted(history, state, summary, environment, secondsBefore + clock.Elapsed.TotalSeconds);
        }
        if (stop is { } stopped)
            (outcome, message, stoppedAt) = stopped;
        if (outcome == TrialOutcome.Cancelled)
            return Interrupted(history, state, summary, environment, secondsBefore + clock.Elapsed.TotalSeconds);

        TestMetrics? test = null;
        // An image folder of train/ and validation/ alone has no test split to score.
        if (outcome != TrialOutcome.Diverged && state.BestEpoch > 0 && data.TestLabels.shape[0] > 0)
        {
            best.CopyInto(model);
            test = TestEvaluation.Run(model, data, resizer, device, spec.Training.MisclassifiedExamples);
        }
        return new TrialResult(outcome, history, state.BestEpoch, state.BestObjective, test, state.Sanity, summary,
            environment, secondsBefore + clock.Elapsed.TotalSeconds, stoppedAt, message);
    }

    private static nn.Module<Tensor, Tensor> BuildModel(TrialSpec spec, ModelPlan plan, Generator generator,
        string specFile)
    {
        var model = ModelBuilder.Build(plan, generator);
        TransferLearning.Apply(model, plan, specFile);
        return model;
    }

    /// <summary>What ends a trial once an epoch is checkpointed: the observer's decision, then patience.</summary>
    private static (TrialOutcome, string?, int?)? AfterCheckpoint(TrialSpec spec, TrainingState state,
        EpochMetrics metrics, ITrialObserver observer)
    {
        var decision = observer.OnEpoch(metrics);
        if (decision == EpochDecision.Stop)
            return (TrialOutcome.Pruned, null, metrics.Epoch);
        if (decision == EpochDecision.Yield)
            return (TrialOutcome.Cancelled, null, metrics.Epoch);
        if (spec.Training.Patience > 0 && state.EpochsWithoutImprovement >= spec.Training.Patience)
            return (TrialOutcome.EarlyStopped, $"validation loss did not improve for {spec.Training.Patience} epochs",
                metrics.Epoch);
        return null;
    }

    private static TrainingState? Restore(CheckpointStore? checkpoints, nn.Module model, OptimizerHelper optimizer,
        string identity, IReadOnlyList<CheckpointRef>? accepted, ITrialObserver observer)
    {
        if (checkpoints is null)
            return null;
        var load = checkpoints.LoadLatest(model, optimizer, identity, accepted);
        foreach (var skipped in load.Skipped)
            observer.OnNotice(skipped);
        if (load.Checkpoint is { } loaded)
            return JsonSerializer.Deserialize<TrainingState>(loaded.MetadataJson, StateJson);
        if (load.Skipped.Count > 0)
            observer.OnNotice($"no usable checkpoint in {checkpoints.DirectoryPath}: training from the start");
        return null;
    }

    private static (double Loss, double Accuracy, double LearningRate)? TrainOneEpoch(TrialSpec spec,
        nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, PreparedDataset data, InputResizer resizer, Augmenter? augmenter,
        FrozenFeatures? frozen, Generator generator, Device device, int epoch, long firstStep, int stepsPerEpoch, ITrialObserver observer,
        CancellationToken cancellationToken)
    {
        var training = spec.Training;
        var count = data.TrainLabels.shape[0];
        var order = randperm(count, generator: generator);
        FrozenBatchNorm.TrainKeepingFrozenStatistics(model);
        double lossSum = 0, rate = 0;
        long correct = 0;
        for (var batch = 0; batch < stepsPerEpoch; batch++)
        {
            if (cancellationToken.IsCancellationRequested)
                return null;
            using var batchScope = NewDisposeScope();
            var (start, size) = EpochBatches.Range(batch, count, training.BatchSize);
            var indices = order.narrow(0, start, size);
            var labels = data.TrainLabels.index_select(0, indices).to(device);

            var step = firstStep + batch;
            rate = LearningRateSchedule.At(training, step, stepsPerEpoch);
            OptimizerFactory.ScheduleLearningRates(optimizer,
                baseRate => LearningRateSchedule.At(training, baseRate, step, stepsPerEpoch));
            optimizer.zero_grad();
            var logits = frozen?.Train is { } features
                ? frozen.Forward(features.index_select(0, indices.to(features.device)))
                : model.call(TrainingBatch.Images(data, indices, resizer, augmenter, generator).to(device));
            var loss = nn.functional.cross_entropy(logits, labels, label_smoothing: training.LabelSmoothing);
            var objective = training.L1 > 0 || training.L2 > 0 ? loss + Regularization.Penalty(training, model) : loss;
            var lossValue = loss.item<float>();
            if (!float.IsFinite(lossValue))
                return (double.NaN, double.NaN, rate);
            objective.backward();
            if (training.GradClip > 0)
                nn.utils.clip_grad_norm_(model.parameters().Where(p => p.requires_grad), training.GradClip);
            optimizer.step();

            lossSum += lossValue * size;
            correct += logits.argmax(1).eq(labels).sum().item<long>();
            observer.OnBatch(epoch, batch + 1, stepsPerEpoch, lossSum / (start + size));
        }
        return (lossSum / count, (double)correct / count, rate);
    }

    /// <summary>Best epoch by the objective (the trial's result), and patience counted on validation loss.</summary>
    private static TrainingState Track(TrialSpec spec, TrainingState state, EpochMetrics metrics,
        nn.Module model, BestWeights best)
    {
        var value = spec.Objective.ValueOf(metrics);
        if (spec.Objective.IsBetter(value, state.BestObjective))
        {
            best.Keep(model);
            state = state with { BestEpoch = metrics.Epoch, BestObjective = value };
        }
        return metrics.ValLoss < state.BestValLoss
            ? state with { BestValLoss = metrics.ValLoss, EpochsWithoutImprovement = 0 }
            : state with { EpochsWithoutImprovement = state.EpochsWithoutImprovement + 1 };
    }

    private static TrialResult Interrupted(List<EpochMetrics> history, TrainingState state, ModelSummary summary,
        RunEnvironment environment, double seconds) =>
        new(TrialOutcome.Cancelled, history, state.BestEpoch, state.BestObjective, null, state.Sanity, summary,
            environment, seconds, state.Epoch, "stopped before the end; resume continues from the last checkpoint");
}
