using Sweep.Orchestrator.Scheduling;

namespace Sweep.Orchestrator.Tests.Scheduling;

public class SlotPlanTests
{
    [Theory]
    [InlineData(8, 4, 2)]
    [InlineData(2, 1, 2)]
    [InlineData(3, 1, 3)]
    [InlineData(1, 1, 1)]
    public void WithoutGpus_OneSlotPerTwoCores_SharingTheCores(int cores, int slots, int threads) =>
        Assert.Equal(new SlotPlan(slots, threads), SlotPlan.For(null, cores, gpus: 0));

    [Fact]
    public void WithGpus_OneSlotPerGpu() =>
        Assert.Equal(new SlotPlan(2, 8), SlotPlan.For(null, cores: 16, gpus: 2));

    [Theory]
    [InlineData(3, 8, 3, 2)]
    [InlineData(6, 2, 6, 1)]
    public void RequestedSlots_WinOverDefaults_WithAtLeastOneThreadEach(int requested, int cores, int slots,
        int threads) =>
        Assert.Equal(new SlotPlan(slots, threads), SlotPlan.For(requested, cores, gpus: 1));
}
