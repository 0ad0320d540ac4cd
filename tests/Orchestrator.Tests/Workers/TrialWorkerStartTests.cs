using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Workers;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Tests.Workers;

public class TrialWorkerStartTests
{
    [Fact]
    public void ASlotPinnedToAGpu_StartsItsWorkerSeeingThatGpuAlone()
    {
        var plan = SlotPlan.ForGpus([0, 1, 3], cores: 12);

        var start = ProcessTrialExecutor.WorkerStart(new TrialRunOptions(plan.ThreadsPerSlot, Slot: 2, Gpu: plan.GpuOf(2)));

        Assert.Equal((3, 4), (plan.Slots, plan.ThreadsPerSlot));
        Assert.Equal("3", start.Environment["CUDA_VISIBLE_DEVICES"]);
    }

    [Fact]
    public void AWorker_NeverInheritsTheClustersConnectionString()
    {
        Environment.SetEnvironmentVariable(ClusterConnection.EnvironmentVariable, "redis:6379,password=secret");
        try
        {
            var start = ProcessTrialExecutor.WorkerStart(new TrialRunOptions(1));

            Assert.False(start.Environment.ContainsKey(ClusterConnection.EnvironmentVariable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ClusterConnection.EnvironmentVariable, null);
        }
    }
}
