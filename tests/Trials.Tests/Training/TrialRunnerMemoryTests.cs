using Sweep.Trials.Training;
using TorchSharp;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerMemoryTests
{
    /// <summary>TorchSharp counts the tensors created and disposed on each thread, exactly and unaffected by other
    /// tests running at the same time: a tensor the loop forgets to dispose shows up as a count that climbs with every
    /// epoch. Epoch 1 is left out because the best weights and the optimizer state appear during it.</summary>
    [Fact]
    public void LiveTensorCount_StaysFlatFromEpochToEpoch()
    {
        var liveTensors = new List<long>();
        var observer = new EpochRecorder(_ =>
        {
            liveTensors.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
            return EpochDecision.Continue;
        });

        var result = Train(Tiny(epochs: 6, trainSubset: 500, testSubset: 100).WithDropoutAndAugmentation(),
            observer: observer);

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        Assert.Equal(6, liveTensors.Count);
        var fromEpochTwo = liveTensors.Skip(1).ToList();
        Assert.InRange(fromEpochTwo[^1] - fromEpochTwo[0], long.MinValue, 2);
        Assert.False(fromEpochTwo.Zip(fromEpochTwo.Skip(1)).All(pair => pair.Second > pair.First),
            $"live tensors grew every epoch: {string.Join(", ", liveTensors)}");
    }
}
