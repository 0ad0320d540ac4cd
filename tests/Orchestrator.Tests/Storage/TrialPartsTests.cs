using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Storage;

public class TrialPartsTests
{
    private static EpochRecord At(int epoch, string? owner) => new(0, Epoch(epoch), Goes, owner);

    [Fact]
    public void ATrialThatMoved_ShowsEachHostWithItsEpochs_InEpochOrder()
    {
        var parts = TrialParts.Describe([At(3, "w2/9/slot0/c"), At(1, "w0/7/slot1/a"), At(2, "w0/7/slot1/a"), At(4, "w2/9/slot0/d")]);

        Assert.Equal("w0: 1-2; w2: 3-4", parts);
    }

    [Fact]
    public void OneEpochParts_AndEpochsWithoutAWriter_AreNamedToo()
    {
        Assert.Equal("w0: 1; unknown: 2", TrialParts.Describe([At(1, "w0/7/slot0/a"), At(2, null)]));
        Assert.Null(TrialParts.Describe([At(1, null)]));
        Assert.Null(TrialParts.Describe([]));
    }
}
