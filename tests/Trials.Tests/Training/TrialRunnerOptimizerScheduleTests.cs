using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

/// <summary>Every optimizer and schedule the spec offers, through the real loop on 160 training images: five steps
/// of 32 per epoch, so the rate an epoch reports is the one of its last step (4, 9, 14).</summary>
[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerOptimizerScheduleTests
{
    private const double Lr = 0.004;

    private static TrialSpec Small(TrainingSpec training) =>
        Tiny(epochs: training.Epochs, trainSubset: 200, testSubset: 100) with { Training = training };

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.Adamw)]
    [InlineData(OptimizerKind.Rmsprop)]
    public void EveryOptimizer_TrainsAnEpoch(OptimizerKind optimizer)
    {
        var spec = Small(new TrainingSpec { Epochs = 1, BatchSize = 32, Optimizer = optimizer, Lr = Lr, WeightDecay = 1e-4 });

        var result = Train(spec);

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        var epoch = Assert.Single(result.Epochs);
        Assert.True(double.IsFinite(epoch.TrainLoss) && double.IsFinite(epoch.ValLoss));
        Assert.Equal(Lr, epoch.LearningRate);
        Assert.NotNull(result.Test);
    }

    [Theory]
    [InlineData(ScheduleKind.Constant, 1.0, 1.0, 1.0)]
    [InlineData(ScheduleKind.Step, 1.0, 1.0, 0.5)]                // step_size 2: one decay once two epochs are done
    [InlineData(ScheduleKind.Multistep, 1.0, 0.1, 0.01)]          // milestones 1 and 2
    [InlineData(ScheduleKind.Exponential, 1.0, 0.5, 0.25)]
    [InlineData(ScheduleKind.Cosine, 0.83456530317942912, 0.34549150281252629, 0.010926199633097156)] // ½(1 + cos(π s/15))
    public void EverySchedule_ReportsTheRateOfEachEpochsLastStep(ScheduleKind schedule, double first, double second,
        double third)
    {
        var spec = Small(new TrainingSpec
        {
            Epochs = 3, BatchSize = 32, Optimizer = OptimizerKind.Sgd, Lr = Lr, Schedule = schedule,
            StepSize = 2, Milestones = [1, 2], Gamma = schedule == ScheduleKind.Multistep ? 0.1 : 0.5,
        });

        var result = Train(spec);

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        Assert.Equal([1, 2, 3], result.Epochs.Select(e => e.Epoch));
        Assert.Equal(Lr * first, result.Epochs[0].LearningRate, 1e-12);
        Assert.Equal(Lr * second, result.Epochs[1].LearningRate, 1e-12);
        Assert.Equal(Lr * third, result.Epochs[2].LearningRate, 1e-12);
    }
}
