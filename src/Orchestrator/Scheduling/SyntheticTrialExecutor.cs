using Sweep.Orchestrator.Contracts;
using Sweep.Trials.Seeding;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>A trial kind with no training: an analytic learning curve shaped by the learning rate, dropout and
/// BatchNorm settings, plus seed noise, and a configurable sleep per epoch. It measures what the orchestration
/// itself costs (benchmarks) and exercises scheduling, pruning and resume at any scale. Its curve is its own
/// checkpoint: a resumed or promoted trial recomputes the epochs the sweep already holds and continues after them.</summary>
public sealed class SyntheticTrialExecutor(TimeProvider time) : ITrialExecutor
{
    public TrialResult Run(TrialAssignment assignment, TrialRunOptions options, ITrialObserver observer,
        CancellationToken cancellationToken)
    {
        var spec = assignment.Spec;
        var started = time.GetTimestamp();
        var history = new List<EpochMetrics>();
        var best = (Epoch: 0, Value: (double?)null);
        var resumeAt = Math.Min(assignment.RecordedEpochs, spec.Training.Epochs);
        for (var epoch = 1; epoch <= resumeAt; epoch++)
            best = Track(spec, history, best, SyntheticCurve.At(spec, epoch));
        // As a checkpointed trial does: the epoch it resumes from is reported again for the decision stored for it.
        if (resumeAt > 0 && Stopped(observer.OnEpoch(history[^1])) is { } replayed)
            return End(replayed, history, best, spec, started, resumeAt);
        for (var epoch = resumeAt + 1; epoch <= spec.Training.Epochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested || (spec.Synthetic.SecondsPerEpoch > 0
                    && cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(spec.Synthetic.SecondsPerEpoch))))
                return End(TrialOutcome.Cancelled, history, best, spec, started, epoch - 1);
            var metrics = SyntheticCurve.At(spec, epoch);
            best = Track(spec, history, best, metrics);
            if (Stopped(observer.OnEpoch(metrics)) is { } stopped)
                return End(stopped, history, best, spec, started, epoch);
        }
        return End(TrialOutcome.Completed, history, best, spec, started, null);
    }

    private static TrialOutcome? Stopped(EpochDecision decision) => decision switch
    {
        EpochDecision.Stop => TrialOutcome.Pruned,
        EpochDecision.Yield => TrialOutcome.Cancelled,
        _ => null,
    };

    private static (int Epoch, double? Value) Track(TrialSpec spec, List<EpochMetrics> history,
        (int Epoch, double? Value) best, EpochMetrics metrics)
    {
        history.Add(metrics);
        var value = spec.Objective.ValueOf(metrics);
        return spec.Objective.IsBetter(value, best.Value) ? (metrics.Epoch, value) : best;
    }

    private TrialResult End(TrialOutcome outcome, List<EpochMetrics> history, (int Epoch, double? Value) best,
        TrialSpec spec, long started, int? stoppedAt) =>
        new(outcome, history, best.Epoch, best.Value, null, null, null,
            new RunEnvironment("synthetic", "synthetic", "none", 1, Environment.MachineName), time.GetElapsedTime(started).TotalSeconds,
            stoppedAt, null);
}

/// <summary>The analytic learning curve: accuracy approaches a ceiling that peaks at lr = 1e-3, dropout narrows the
/// train/validation gap, BatchNorm speeds convergence.</summary>
public static class SyntheticCurve
{
    public static EpochMetrics At(TrialSpec spec, int epoch)
    {
        var t = spec.Training;
        var distance = Math.Log10(t.Lr) + 3;
        var ceiling = 0.92 - 0.04 * distance * distance;
        var speed = spec.Model.BatchNorm ? 1.5 : 3.0;
        var progress = 1 - Math.Exp(-epoch / speed);
        var noise = (Seeds.Derive(spec.Seed, "synthetic", epoch) % 1000) / 1000.0 * 0.004 - 0.002;
        var trainAccuracy = Math.Min(0.999, ceiling * progress + 0.02 * epoch * (1 - spec.Model.Dropout));
        var valAccuracy = Math.Clamp(ceiling * progress + noise - 0.003 * epoch * (1 - spec.Model.Dropout), 0, 1);
        // The analytic curve has no dropout or augmentation to run, so its training figures are the eval-mode ones.
        var trainLoss = -Math.Log(Math.Max(trainAccuracy, 1e-3));
        return new EpochMetrics(epoch, trainLoss, trainAccuracy, -Math.Log(Math.Max(valAccuracy, 1e-3)), valAccuracy,
            t.Lr, spec.Synthetic.SecondsPerEpoch, 0, trainLoss, trainAccuracy);
    }
}
