using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Workers;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Tests.Workers;

/// <summary>Real trials in real child processes, on a 600-image subset of the real Fashion-MNIST.</summary>
public class ProcessTrialExecutorTests
{
    private const string SpecFile = "/specs/worker.yaml";

    private static TrialSpec Tiny(int epochs = 2, string? datasetPath = null) => new()
    {
        Name = "worker",
        Seed = 4,
        Dataset = new DatasetSpec { TrainSubset = 600, TestSubset = 200, SplitSeed = 3, Path = datasetPath },
        Model = ModelPresets.Named("two-conv", SpecFile) with { Channels = 4, Hidden = [16] },
        Training = new TrainingSpec { Epochs = epochs, BatchSize = 32, Lr = 0.003 },
    };

    private static TrialAssignment Assignment(TrialSpec spec) =>
        new(new PlannedTrial(0, [], 0, spec.Seed, "baseline", 0, TrialRoles.Baseline), spec, 1, SpecFile, 0, []);

    private static readonly TrialRunOptions Options = new(Threads: 1, SpecFile: SpecFile);

    private sealed class Recorder(Func<EpochMetrics, EpochDecision>? decide = null) : ITrialObserver
    {
        public List<int> Epochs { get; } = [];
        public int Batches { get; private set; }

        public void OnBatch(int epoch, int batch, int batchCount, double meanLoss) => Batches++;

        public EpochDecision OnEpoch(EpochMetrics metrics)
        {
            Epochs.Add(metrics.Epoch);
            return decide?.Invoke(metrics) ?? EpochDecision.Continue;
        }
    }

    [Fact]
    public void Run_ReportsEveryBatchAndEpoch_WithTheNumbersOfAnInProcessRun()
    {
        var spec = Tiny();
        var observer = new Recorder();

        var result = new ProcessTrialExecutor().Run(Assignment(spec), Options, observer, CancellationToken.None);
        var inProcess = new TrialRunner().Run(spec, Options, new Recorder(), CancellationToken.None);

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        Assert.Equal([1, 2], observer.Epochs);
        Assert.Equal(2 * 15, observer.Batches);
        Assert.Equal(inProcess.Epochs.Select(Numbers), result.Epochs.Select(Numbers));
        Assert.Equal(inProcess.Test!.Accuracy, result.Test!.Accuracy);
    }

    [Fact]
    public void Run_WhenTheObserverSaysStop_EndsPrunedAfterThatEpoch()
    {
        var observer = new Recorder(_ => EpochDecision.Stop);

        var result = new ProcessTrialExecutor().Run(Assignment(Tiny(epochs: 3)), Options, observer, CancellationToken.None);

        Assert.Equal((TrialOutcome.Pruned, (int?)1), (result.Outcome, result.StoppedAtEpoch));
        Assert.Equal([1], observer.Epochs);
    }

    [Fact]
    public void Run_CancelledDuringTraining_ReturnsACancelledResult()
    {
        using var cancellation = new CancellationTokenSource();
        var observer = new Recorder(_ =>
        {
            cancellation.Cancel();
            return EpochDecision.Continue;
        });

        var result = new ProcessTrialExecutor().Run(Assignment(Tiny(epochs: 3)), Options, observer, cancellation.Token);

        Assert.Equal(TrialOutcome.Cancelled, result.Outcome);
        Assert.Equal([1], observer.Epochs);
    }

    [Fact]
    public void Run_AWorkerThatFails_ThrowsWithItsMessage_AndTheWorkersTrace()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-dataset-{Guid.NewGuid():N}");

        var error = Assert.Throws<TrialWorkerException>(() => new ProcessTrialExecutor()
            .Run(Assignment(Tiny(datasetPath: missing)), Options, new Recorder(), CancellationToken.None));

        Assert.Contains(missing, error.Message);
        Assert.DoesNotContain("   at ", error.Message);
        Assert.Contains("   at Sweep.Trials.", error.ToString());
    }

    private static (double, double, double, double) Numbers(EpochMetrics e) =>
        (e.TrainLoss, e.TrainAccuracy, e.ValLoss, e.ValAccuracy);
}
