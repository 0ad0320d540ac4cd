using Sweep.Orchestrator.Workers;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Tests.Workers;

public class TrialWorkerProtocolTests
{
    [Fact]
    public void TryDecode_ReadsAMessage_AndPassesOverOtherOutput()
    {
        var epoch = new EpochMetrics(3, 0.4, 0.9, double.NaN, 0.88, 1e-3, 2.5, 1000);
        var line = TrialWorkerProtocol.Encode(new TrialWorkerMessage(Epoch: epoch));

        Assert.Equal(3, TrialWorkerProtocol.TryDecode(line)!.Epoch!.Epoch);
        Assert.True(double.IsNaN(TrialWorkerProtocol.TryDecode(line)!.Epoch!.ValLoss));
        Assert.DoesNotContain("\"batch\"", line);
        Assert.Null(TrialWorkerProtocol.TryDecode("[W ParallelNative.cpp:228] Warning: something"));
        Assert.Null(TrialWorkerProtocol.TryDecode("{not json"));
    }
}
