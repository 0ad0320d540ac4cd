using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

/// <summary>An interrupted trial resumed from its checkpoints ends with the numbers of an uninterrupted one.</summary>
[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerResumeTests : RunDirectoryTests
{
    /// <summary>State that a careless resume would lose: Adam's moments and step counts, a per-step schedule
    /// half-way through warm-up and cosine decay, BatchNorm running statistics and the dropout masks.</summary>
    private static readonly TrialSpec Spec = WithStateToRestore(Tiny(seed: 31, epochs: 3, trainSubset: 800, testSubset: 200));

    private static TrialSpec WithStateToRestore(TrialSpec spec) => spec with
    {
        Model = spec.Model with { BatchNorm = true, Dropout = 0.3 },
        Training = spec.Training with { Optimizer = OptimizerKind.Adam, Schedule = ScheduleKind.Cosine, WarmupSteps = 30 },
    };

    [Fact]
    public void CancelledAfterEpochOneThenResumed_EndsWithTheUninterruptedNumbers()
    {
        var uninterrupted = Train(Spec, runDirectory: RunDirectory("uninterrupted"));
        var directory = RunDirectory("interrupted");
        using var cancellation = new CancellationTokenSource();

        var cancelled = Train(Spec, runDirectory: directory, observer: EpochRecorder.CancellingAfter(1, cancellation),
            cancellationToken: cancellation.Token);
        var resumedObserver = new EpochRecorder();
        var resumed = Train(Spec, runDirectory: directory, observer: resumedObserver);

        Assert.Equal(TrialOutcome.Cancelled, cancelled.Outcome);
        Assert.Equal(1, cancelled.StoppedAtEpoch);
        Assert.Null(cancelled.Test);
        Assert.Equal([2, 3], resumedObserver.Epochs.Select(e => e.Epoch));
        Assert.Equal(TrialOutcome.Completed, uninterrupted.Outcome);
        AssertSameNumbers(uninterrupted, resumed);
    }

    [Fact]
    public void NewestCheckpointCorrupted_ResumesFromThePreviousOneWithTheSameNumbers()
    {
        var uninterrupted = Train(Spec);
        var directory = RunDirectory("corrupted");
        using var cancellation = new CancellationTokenSource();
        Train(Spec, runDirectory: directory, observer: EpochRecorder.CancellingAfter(2, cancellation),
            cancellationToken: cancellation.Token);
        var newest = Path.Combine(directory, "checkpoints", "epoch-0002.ckpt");
        Assert.True(File.Exists(Path.Combine(directory, "checkpoints", "epoch-0001.ckpt")));
        FlipOneByteNearTheEnd(newest);

        var resumedObserver = new EpochRecorder();
        var resumed = Train(Spec, runDirectory: directory, observer: resumedObserver);

        Assert.Equal([2, 3], resumedObserver.Epochs.Select(e => e.Epoch));
        AssertSameNumbers(uninterrupted, resumed);
    }

    private static void FlipOneByteNearTheEnd(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
