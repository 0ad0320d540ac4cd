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
        Assert.Equal([1, 2, 3], resumedObserver.Epochs.Select(e => e.Epoch));
        Assert.Equal(cancelled.Epochs[0], resumedObserver.Epochs[0]);
        Assert.Equal(TrialOutcome.Completed, uninterrupted.Outcome);
        AssertSameNumbers(uninterrupted, resumed);
    }

    [Fact]
    public void NewestCheckpointCorrupted_ResumesFromThePreviousOneWithTheSameNumbers()
    {
        var uninterrupted = Train(Spec);
        var directory = RunDirectory("corrupted");
        TrainCancellingAfter(2, Spec, directory);
        var newest = CheckpointFile(directory, 2);
        Assert.True(File.Exists(CheckpointFile(directory, 1)));
        FlipOneByteNearTheEnd(newest);

        var resumedObserver = new EpochRecorder();
        var resumed = Train(Spec, runDirectory: directory, observer: resumedObserver);

        Assert.Equal([1, 2, 3], resumedObserver.Epochs.Select(e => e.Epoch));
        Assert.StartsWith($"skipped {newest}: checksum:", Assert.Single(resumedObserver.Notices));
        AssertSameNumbers(uninterrupted, resumed);
    }

    [Fact]
    public void KilledBetweenACheckpointAndItsReport_ResumesFromTheLastRecordedEpoch_AndReportsEveryEpoch()
    {
        var uninterrupted = Train(Spec);
        var directory = RunDirectory("killed-after-checkpoint");
        // The first holder's epoch-2 checkpoint is written, then it dies before the sweep records epoch 2.
        Assert.Throws<IOException>(() => Train(Spec, runDirectory: directory, writer: "lease-1",
            observer: new EpochRecorder(m => m.Epoch == 2 ? throw new IOException("killed") : EpochDecision.Continue)));
        Assert.True(File.Exists(CheckpointFile(directory, 2, "lease-1")));

        var resumedObserver = new EpochRecorder();
        var resumed = Train(Spec, runDirectory: directory, observer: resumedObserver, writer: "lease-2",
            accepted: [new(1, "lease-1")]);

        Assert.Equal([1, 2, 3], resumedObserver.Epochs.Select(e => e.Epoch));
        Assert.Empty(resumedObserver.Notices);
        AssertSameNumbers(uninterrupted, resumed);
    }

    [Fact]
    public void EveryCheckpointCorrupted_TrainsFromTheStart_SayingWhichFilesWereSkipped()
    {
        var uninterrupted = Train(Spec);
        var directory = RunDirectory("all-corrupted");
        TrainCancellingAfter(2, Spec, directory);
        FlipOneByteNearTheEnd(CheckpointFile(directory, 1));
        FlipOneByteNearTheEnd(CheckpointFile(directory, 2));

        var resumedObserver = new EpochRecorder();
        var resumed = Train(Spec, runDirectory: directory, observer: resumedObserver);

        Assert.Equal([1, 2, 3], resumedObserver.Epochs.Select(e => e.Epoch));
        Assert.Equal(3, resumedObserver.Notices.Count);
        Assert.EndsWith("training from the start", resumedObserver.Notices[^1]);
        AssertSameNumbers(uninterrupted, resumed);
    }

    [Fact]
    public void StoppedAtTheRestoredEpoch_StopsThereAgain_WithoutTrainingFurther()
    {
        var directory = RunDirectory("stopped-at-restored");
        TrainCancellingAfter(1, Spec, directory);

        var resumedObserver = new EpochRecorder(_ => EpochDecision.Stop);
        var resumed = Train(Spec, runDirectory: directory, observer: resumedObserver);

        Assert.Equal([1], resumedObserver.Epochs.Select(e => e.Epoch));
        Assert.Equal((TrialOutcome.Pruned, 1), (resumed.Outcome, resumed.StoppedAtEpoch));
        Assert.NotNull(resumed.Test);
    }

    [Fact]
    public void AnotherTrialsCheckpoints_AreRefused_OutsideASweep()
    {
        var directory = RunDirectory("other-trial");
        Train(Spec with { Training = Spec.Training with { Epochs = 1 } }, runDirectory: directory);

        var error = Assert.Throws<Sweep.Trials.Checkpoints.CheckpointException>(() => Train(Spec, runDirectory: directory));

        Assert.Equal("trial", error.Field);
    }

    private static void FlipOneByteNearTheEnd(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
