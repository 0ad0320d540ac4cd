using System.Diagnostics;
using System.Text.RegularExpressions;
using Sweep.Orchestrator.Contracts;

namespace Sweep.EndToEnd.Tests;

/// <summary>A host that trains while every core is taken (its own trials at full intra-op threads plus busy
/// processes beside them, twice as many as there are cores) still answers its probes and renews its leases: no
/// host is declared dead, no lease expires, and every trial runs once, on one worker.</summary>
public sealed class ClusterLoadTests
{
    [Fact]
    public async Task HostsUnderFullCpuLoad_AreNotDeclaredDead_AndKeepTheirLeases()
    {
        await using var rig = await ClusterRig.StartAsync("cluster-load", workers: 2);
        var spec = TestSpecs.Write(rig.Work, "load.yaml", TestSpecs.Ofat("cluster-load", epochs: 3));
        var hogs = Enumerable.Range(0, 2 * Environment.ProcessorCount)
            .Select(_ => Process.Start("sh", ["-c", "while :; do :; done"])).ToList();
        try
        {
            var (submitter, submitted, sweepId) = await rig.SubmitAsync(spec, Environment.ProcessorCount);
            using var _ = submitter;
            await submitter.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(8));
            Assert.True(submitter.ExitCode == 0, submitted());

            var store = await rig.StoreAsync();
            var trials = await store.GetTrialsAsync(sweepId);
            var epochs = await store.GetEpochsAsync(sweepId);
            Assert.Equal(6, trials.Count);
            Assert.All(trials, trial => Assert.Equal((TrialState.Completed, 1), (trial.State, trial.Attempts)));
            Assert.All(trials, trial => Assert.Single(
                epochs.Where(e => e.TrialIndex == trial.Index).Select(e => e.RecordedBy).Distinct()));
            // Orleans' watchdog may well warn of CPU starvation here; what must not happen is a silo declared dead.
            foreach (var worker in new[] { "w0", "w1" })
            {
                Assert.False(rig.Worker(worker).HasExited, rig.Output(worker));
                Assert.DoesNotMatch(new Regex(@"\bdead\b", RegexOptions.IgnoreCase), rig.Output(worker));
            }
        }
        finally
        {
            foreach (var hog in hogs)
            {
                hog.Kill();
                hog.Dispose();
            }
        }
    }
}
