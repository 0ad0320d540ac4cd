using Sweep.Trials.Checkpoints;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Trials.Tests.Training;

/// <summary>The training-loop test classes train real models; they share one collection so that they take the
/// two cores in turn instead of slowing each other down.</summary>
[CollectionDefinition(Name)]
public sealed class TrainingCollection
{
    public const string Name = "Training loop";
}

/// <summary>Trials small enough to train in about a second on a stratified subset of the real Fashion-MNIST.</summary>
internal static class TrialRunnerTestKit
{
    public const string SpecPath = "looptests.yaml";

    /// <summary>The two-conv preset narrowed to 4 and 8 channels and a 16-unit hidden layer.</summary>
    public static TrialSpec Tiny(long seed = 1, int epochs = 2, int trainSubset = 1000, int testSubset = 300) => new()
    {
        Name = "tiny",
        Seed = seed,
        Dataset = new DatasetSpec { TrainSubset = trainSubset, TestSubset = testSubset, SplitSeed = 3 },
        Model = ModelPresets.Named("two-conv", SpecPath) with { Channels = 4, Hidden = [16] },
        Training = new TrainingSpec { Epochs = epochs, BatchSize = 32, Lr = 0.003, MisclassifiedExamples = 8 },
    };

    /// <summary>Every seeded path of the loop: shuffling, head and channel dropout, flips and crops.</summary>
    public static TrialSpec WithDropoutAndAugmentation(this TrialSpec spec) => spec with
    {
        Model = spec.Model with { Dropout = 0.3, Dropout2d = 0.1 },
        Dataset = spec.Dataset with { Augmentation = new AugmentationSpec { HorizontalFlip = true, CropPadding = 2 } },
    };

    public static TrialResult Train(TrialSpec spec, int threads = 1, string? runDirectory = null,
        ITrialObserver? observer = null, CancellationToken cancellationToken = default,
        string writer = CheckpointStore.Standalone, IReadOnlyList<CheckpointRef>? accepted = null,
        TrialRunner? runner = null) =>
        (runner ?? new TrialRunner()).Run(spec, new TrialRunOptions(threads, RunDirectory: runDirectory, SpecFile: SpecPath,
                CheckpointWriter: writer, AcceptedCheckpoints: accepted),
            observer ?? new EpochRecorder(), cancellationToken);

    /// <summary>Trains <paramref name="spec"/> in <paramref name="runDirectory"/> and cancels it once epoch
    /// <paramref name="epoch"/> is checkpointed, as a killed worker leaves a trial to resume.</summary>
    public static void TrainCancellingAfter(int epoch, TrialSpec spec, string runDirectory, int threads = 1)
    {
        using var cancellation = new CancellationTokenSource();
        Train(spec, threads, runDirectory, EpochRecorder.CancellingAfter(epoch, cancellation), cancellation.Token);
    }

    /// <summary>The checkpoint file a writer saved for an epoch.</summary>
    public static string CheckpointFile(string runDirectory, int epoch, string writer = CheckpointStore.Standalone) =>
        Path.Combine(runDirectory, "checkpoints", $"epoch-{epoch:D4}.{CheckpointStore.TagOf(writer)}.ckpt");

    /// <summary>Per-epoch metrics without the wall-clock fields, which differ from run to run.</summary>
    public static IReadOnlyList<EpochMetrics> Numbers(this TrialResult result) =>
        result.Epochs.Select(epoch => epoch with { Seconds = 0, SamplesPerSecond = 0 }).ToList();

    /// <summary>Everything a trial computes, compared exactly: doubles to the last bit.</summary>
    public static void AssertSameNumbers(TrialResult expected, TrialResult actual)
    {
        Assert.Equal(expected.Outcome, actual.Outcome);
        Assert.Equal(expected.Numbers(), actual.Numbers());
        Assert.Equal((expected.BestEpoch, expected.BestObjective), (actual.BestEpoch, actual.BestObjective));
        Assert.Equal(expected.StoppedAtEpoch, actual.StoppedAtEpoch);
        Assert.Equal(expected.Sanity, actual.Sanity);
        AssertSameTestMetrics(expected.Test, actual.Test);
    }

    private static void AssertSameTestMetrics(TestMetrics? expected, TestMetrics? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is null || actual is null)
            return;
        Assert.Equal((expected.Accuracy, expected.MacroF1, expected.Loss), (actual.Accuracy, actual.MacroF1, actual.Loss));
        Assert.Equal(expected.PerClass, actual.PerClass);
        Assert.Equal(expected.ConfusionMatrix, actual.ConfusionMatrix);
        Assert.Equal(expected.Misclassified.Select(m => (m.Index, m.PredictedClass)),
            actual.Misclassified.Select(m => (m.Index, m.PredictedClass)));
    }
}

/// <summary>Records every epoch and, when given a decision, lets the test stop or cancel the trial.</summary>
internal sealed class EpochRecorder(Func<EpochMetrics, EpochDecision>? decide = null) : ITrialObserver
{
    public List<EpochMetrics> Epochs { get; } = [];
    public List<string> Notices { get; } = [];

    public void OnNotice(string message) => Notices.Add(message);

    public EpochDecision OnEpoch(EpochMetrics metrics)
    {
        Epochs.Add(metrics);
        return decide?.Invoke(metrics) ?? EpochDecision.Continue;
    }

    /// <summary>Requests cancellation once <paramref name="epoch"/> has finished, as Ctrl+C or a lost lease does.</summary>
    public static EpochRecorder CancellingAfter(int epoch, CancellationTokenSource cancellation) => new(metrics =>
    {
        if (metrics.Epoch == epoch)
            cancellation.Cancel();
        return EpochDecision.Continue;
    });
}

/// <summary>A run directory of its own for each test, removed afterwards.</summary>
public abstract class RunDirectoryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sweep-looptests-").FullName;

    protected string RunDirectory(string name) => Path.Combine(root, name);

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
