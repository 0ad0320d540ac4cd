using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerDeterminismTests
{
    [Fact]
    public void SameSpecSeedAndThreads_GiveIdenticalNumbers()
    {
        var spec = Tiny(seed: 11).WithDropoutAndAugmentation();

        var first = Train(spec, threads: 1);
        var second = Train(spec, threads: 1);

        Assert.Equal(TrialOutcome.Completed, first.Outcome);
        AssertSameNumbers(first, second);
    }

    [Fact]
    public void DifferentSeed_GivesDifferentNumbers()
    {
        var spec = Tiny(seed: 11).WithDropoutAndAugmentation();

        var first = Train(spec, threads: 1);
        var other = Train(spec with { Seed = 12 }, threads: 1);

        Assert.NotEqual(first.Epochs.Select(e => e.TrainLoss), other.Epochs.Select(e => e.TrainLoss));
        Assert.NotEqual(first.Epochs.Select(e => e.ValLoss), other.Epochs.Select(e => e.ValLoss));
        Assert.NotEqual(first.Test!.Loss, other.Test!.Loss);
    }

    /// <summary>What worker slots do: trials side by side in one process, one intra-op thread each. Neither may
    /// draw from the other's random numbers or change the other's thread count.</summary>
    [Fact]
    public void TwoTrialsOnTwoThreadsAtOnce_GiveTheNumbersEachGivesAlone()
    {
        var left = Tiny(seed: 21).WithDropoutAndAugmentation();
        var right = Tiny(seed: 22).WithDropoutAndAugmentation();
        var leftAlone = Train(left, threads: 1);
        var rightAlone = Train(right, threads: 1);

        var (leftTogether, rightTogether) = TrainSideBySide(left, right);

        AssertSameNumbers(leftAlone, leftTogether);
        AssertSameNumbers(rightAlone, rightTogether);
    }

    /// <summary>Dedicated threads, released together, so the two trials really overlap.</summary>
    private static (TrialResult Left, TrialResult Right) TrainSideBySide(TrialSpec left, TrialSpec right)
    {
        TrialSpec[] specs = [left, right];
        var results = new TrialResult?[specs.Length];
        var errors = new Exception?[specs.Length];
        using var start = new Barrier(specs.Length);
        var threads = specs.Select((spec, i) => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                results[i] = Train(spec, threads: 1);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        Assert.All(errors, Assert.Null);
        return (results[0]!, results[1]!);
    }
}
