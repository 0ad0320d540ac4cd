using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.Scheduling;

public class RunSettingsChangesTests
{
    private static readonly RunSettings Started = new("/data/a", Slots: 2, ThreadsPerSlot: 1, Device: "cpu: EPYC");

    [Fact]
    public void SameSettings_ChangeNothing() => Assert.Empty(RunSettingsChanges.Between(Started, Started with { }));

    [Fact]
    public void EachChange_IsNamedWithWhatItDoesToTheNumbers()
    {
        var changes = RunSettingsChanges.Between(Started,
            new RunSettings(null, Slots: 1, ThreadsPerSlot: 2, Device: "cuda"));

        Assert.Equal(4, changes.Count);
        Assert.StartsWith("data directory /data/a → (the standard places)", changes[0]);
        Assert.StartsWith("slots 2 → 1", changes[1]);
        Assert.Contains("threads per trial 1 → 2: a trial's numbers depend on its thread count", changes[2]);
        Assert.StartsWith("device cpu: EPYC → cuda", changes[3]);
    }
}
