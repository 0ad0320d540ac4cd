using Sweep.Trials.Specs;
using Sweep.Trials.Training.Schedules;

namespace Sweep.Trials.Tests.Training;

public class LearningRateScheduleTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(0, 0.25)]
    [InlineData(1, 0.25)]
    [InlineData(999, 0.25)]
    public void Constant_KeepsTheRate(long step, double expected) =>
        AssertRate(new TrainingSpec { Lr = 0.25 }, step, stepsPerEpoch: 10, expected);

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 0.025)]
    [InlineData(2, 0.05)]
    [InlineData(3, 0.075)]
    [InlineData(4, 0.1)]
    [InlineData(5, 0.1)]
    public void Warmup_RisesLinearlyFromZero(long step, double expected) =>
        AssertRate(new TrainingSpec { Lr = 0.1, WarmupSteps = 4 }, step, stepsPerEpoch: 10, expected);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(5, 1.0)]    // epoch 1
    [InlineData(6, 0.5)]    // epoch 2: first decay
    [InlineData(11, 0.5)]   // epoch 3
    [InlineData(12, 0.25)]  // epoch 4
    public void Step_DecaysEveryStepSizeEpochs(long step, double expected) =>
        AssertRate(new TrainingSpec { Lr = 1, Schedule = ScheduleKind.Step, StepSize = 2, Gamma = 0.5 },
            step, stepsPerEpoch: 3, expected);

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 0.1)]    // one epoch done: milestone 1
    [InlineData(5, 0.1)]
    [InlineData(6, 0.01)]   // three epochs done: milestone 3
    [InlineData(40, 0.01)]
    public void Multistep_DecaysAtEachMilestone(long step, double expected) =>
        AssertRate(new TrainingSpec { Lr = 1, Schedule = ScheduleKind.Multistep, Milestones = [3, 1], Gamma = 0.1 },
            step, stepsPerEpoch: 2, expected);

    [Theory]
    [InlineData(9, 2.0)]
    [InlineData(10, 1.8)]
    [InlineData(25, 1.62)]
    public void Exponential_DecaysEveryEpoch(long step, double expected) =>
        AssertRate(new TrainingSpec { Lr = 2, Schedule = ScheduleKind.Exponential, Gamma = 0.9 },
            step, stepsPerEpoch: 10, expected);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 0.85355339059327373)]  // (1 + cos(π/4)) / 2
    [InlineData(2, 0.5)]
    [InlineData(3, 0.14644660940672624)]  // (1 + cos(3π/4)) / 2
    public void Cosine_FallsTowardZeroOverAllSteps(long step, double expected) =>
        AssertRate(new TrainingSpec { Lr = 1, Schedule = ScheduleKind.Cosine, Epochs = 2 },
            step, stepsPerEpoch: 2, expected);

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 0.5)]
    [InlineData(2, 1.0)]
    [InlineData(3, 0.85355339059327373)]
    [InlineData(4, 0.5)]
    [InlineData(5, 0.14644660940672624)]
    public void Cosine_StartsWhenWarmupEnds(long step, double expected) =>
        AssertRate(new TrainingSpec { Lr = 1, Schedule = ScheduleKind.Cosine, Epochs = 1, WarmupSteps = 2 },
            step, stepsPerEpoch: 6, expected);

    [Theory]
    [InlineData(1, 0.25)]    // warm-up 1/4, epoch 0
    [InlineData(3, 0.375)]   // warm-up 3/4, epoch 1 already decayed once
    [InlineData(4, 0.25)]    // warm-up done, epoch 2
    public void EpochDecay_RunsUnderneathWarmup(long step, double expected) =>
        AssertRate(new TrainingSpec { Lr = 1, Schedule = ScheduleKind.Step, StepSize = 1, Gamma = 0.5, WarmupSteps = 4 },
            step, stepsPerEpoch: 2, expected);

    [Fact]
    public void NegativeStep_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.At(new TrainingSpec(), -1, 10));

    [Fact]
    public void StepScheduleWithoutPositiveStepSize_NamesTheField()
    {
        var spec = new TrainingSpec { Schedule = ScheduleKind.Step, StepSize = 0 };
        var error = Assert.Throws<ArgumentException>(() => LearningRateSchedule.At(spec, 0, 10));
        Assert.Contains("training.step_size", error.Message);
    }

    private static void AssertRate(TrainingSpec spec, long step, int stepsPerEpoch, double expected) =>
        Assert.Equal(expected, LearningRateSchedule.At(spec, step, stepsPerEpoch), Tolerance);
}
