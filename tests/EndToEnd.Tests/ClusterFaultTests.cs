using System.Diagnostics;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;

namespace Sweep.EndToEnd.Tests;

/// <summary>Real clusters on 127.0.0.1 (one Redis, several <c>sweep worker</c> processes, a submitter) under the
/// faults a cluster meets; each sweep must end with every trial's numbers bit-identical to the same spec run on one
/// machine with the same threads per trial.</summary>
public sealed class ClusterFaultTests
{
    private const int Epochs = 3;
    private static readonly int ThreadsPerTrial = Math.Max(1, Environment.ProcessorCount / 2);

    private static string Spec(string name) => $$"""
        name: {{name}}
        seed: 11
        dataset:
          name: fashion-mnist
          train_subset: 3000
          test_subset: 500
        model:
          preset: two-conv
          channels: 8
          hidden: [32]
        training:
          epochs: {{Epochs}}
          batch_size: 64
          optimizer: adam
          lr: 0.001
        objective: { metric: val_accuracy, mode: max }
        search:
          strategy: ofat
          parameters:
            training.lr: [0.003]
            model.dropout: [0.3]
            model.batch_norm: [true]
        """;

    [Fact]
    public async Task WorkerKilledMidEpoch_ItsTrialResumesElsewhereFromItsCheckpoint_WithTheSingleMachineNumbers()
    {
        await using var rig = await ClusterRig.StartAsync("cluster-kill", workers: 3);
        var spec = TestSpecs.Write(rig.Work, "kill.yaml", Spec("cluster-kill"));
        var expected = await SweepResults.UninterruptedAsync(rig.Work, spec, "--slots", "2");
        var (submitter, submitted, sweepId) = await rig.SubmitAsync(spec, ThreadsPerTrial);
        using var _ = submitter;

        // A trial whose first epoch is recorded and which is training its second: kill its worker mid-epoch.
        var (trials, epochs) = await rig.WaitForAsync(sweepId, (trials, epochs) => trials.Any(t =>
            t.State == TrialState.Running && epochs.Count(e => e.TrialIndex == t.Index) == 1));
        var victim = trials.First(t => t.State == TrialState.Running && epochs.Count(e => e.TrialIndex == t.Index) == 1);
        var worker = victim.LeaseOwner!.Split('/')[0];
        rig.Worker(worker).Kill(entireProcessTree: false);

        await FinishedAsync(submitter, submitted);
        var store = await rig.StoreAsync();
        var final = await store.GetTrialsAsync(sweepId);
        var recorded = await store.GetEpochsAsync(sweepId);
        Assert.Equal(expected.Trials.Count, final.Count);
        Assert.All(final, t => Assert.Equal(TrialState.Completed, t.State));
        AssertSameNumbers(expected, recorded);
        // The killed worker's epochs are kept; another worker went on from its last checkpoint, not from the start.
        var byKilled = recorded.Where(e => e.TrialIndex == victim.Index)
            .Select(e => e.RecordedBy!.StartsWith($"{worker}/")).ToList();
        Assert.True(byKilled[0]);
        Assert.False(byKilled[^1]);
        Assert.Equal(byKilled.OrderByDescending(killed => killed), byKilled);
        Assert.Equal(2, final.Single(t => t.Index == victim.Index).Attempts);
        using var export = rig.Start("export", sweepId, "--format", "json");
        var exported = await export.StandardOutput.ReadToEndAsync();
        await export.WaitForExitAsync();
        using var rows = System.Text.Json.JsonDocument.Parse(exported);
        var hosts = rows.RootElement.EnumerateArray().Single(r => r.GetProperty("number").GetInt32() == victim.Index)
            .GetProperty("hosts").GetString()!;
        Assert.StartsWith($"{worker}: 1", hosts);
        Assert.Contains("; w", hosts);
    }

    [Fact]
    public async Task SiloHoldingTheGrain_Killed_TheGrainComesBackElsewhereFromTheStore_AndAshaDecidesAsUninterrupted()
    {
        await using var rig = await ClusterRig.StartAsync("cluster-grain", workers: 1);
        var spec = TestSpecs.Write(rig.Work, "asha.yaml", Spec("cluster-grain").Replace("epochs: 3", "epochs: 4")
            + "\n  early_stopping: { policy: asha, grace_epochs: 1, reduction: 2 }\n");
        var expected = await SweepResults.UninterruptedAsync(rig.Work, spec, "--slots", "1");
        var (submitter, submitted, sweepId) = await rig.SubmitAsync(spec, Environment.ProcessorCount);
        using var _ = submitter;
        await rig.WaitForAsync(sweepId, (_, epochs) => epochs.Count >= 3);
        Assert.Contains($"Sweep {sweepId} is held on w0", rig.Output("w0"));

        rig.Worker("w0").Kill(entireProcessTree: false);
        // The successor joins once the dead worker's lease has run out, as a replacement host would, so that it
        // takes up the interrupted trial first, where the uninterrupted run was.
        await Task.Delay(Orchestrator.Hosting.ClusterTiming.Default.Lease + TimeSpan.FromSeconds(1));
        await rig.StartWorkerAsync("w1");

        await FinishedAsync(submitter, submitted);
        Assert.Contains($"Sweep {sweepId} is held on w1", rig.Output("w1"));
        var store = await rig.StoreAsync();
        AssertSameNumbers(expected, await store.GetEpochsAsync(sweepId));
        static IEnumerable<string> Decisions(IEnumerable<EpochRecord> epochs) => epochs
            .OrderBy(e => e.TrialIndex).ThenBy(e => e.Metrics.Epoch).Select(e => $"{e.TrialIndex}:{e.Metrics.Epoch}:{e.Decision}");
        Assert.Equal(Decisions(expected.Epochs), Decisions(await store.GetEpochsAsync(sweepId)));
        Assert.Equal(expected.Trials.Select(t => (t.Index, t.State, t.Message)),
            (await store.GetTrialsAsync(sweepId)).Select(t => (t.Index, t.State, t.Message)));
    }

    [Fact]
    public async Task RedisRestartedMidSweep_WorkersReconnect_AndTheSweepCompletesWithTheSameNumbers()
    {
        await using var rig = await ClusterRig.StartAsync("cluster-redis", workers: 2);
        var spec = TestSpecs.Write(rig.Work, "redis.yaml", Spec("cluster-redis"));
        var expected = await SweepResults.UninterruptedAsync(rig.Work, spec, "--slots", "2");
        var (submitter, submitted, sweepId) = await rig.SubmitAsync(spec, ThreadsPerTrial);
        using var _ = submitter;
        await rig.WaitForAsync(sweepId, (_, epochs) => epochs.Count >= 2);

        await rig.Redis.CrashAndRestartAsync();

        await FinishedAsync(submitter, () => submitted() + rig.Output("w0") + rig.Output("w1"));
        var store = await rig.StoreAsync();
        Assert.All(await store.GetTrialsAsync(sweepId), t => Assert.Equal(TrialState.Completed, t.State));
        AssertSameNumbers(expected, await store.GetEpochsAsync(sweepId));
    }

    [Fact]
    public async Task StaleWorker_BackAfterItsLeaseExpired_IsRefused_AndTheNumbersAreUnaffected()
    {
        await using var rig = await ClusterRig.StartAsync("cluster-stale", workers: 2);
        var spec = TestSpecs.Write(rig.Work, "stale.yaml", Spec("cluster-stale"));
        var expected = await SweepResults.UninterruptedAsync(rig.Work, spec, "--slots", "2");
        var (submitter, submitted, sweepId) = await rig.SubmitAsync(spec, ThreadsPerTrial);
        using var _ = submitter;
        var (trials, _) = await rig.WaitForAsync(sweepId, (trials, epochs) =>
            trials.Any(t => t.State == TrialState.Running && t.LeaseOwner!.StartsWith("w0/")) && epochs.Count > 0);
        var held = trials.First(t => t.State == TrialState.Running && t.LeaseOwner!.StartsWith("w0/"));

        ClusterRig.Signal(rig.Worker("w0"), "STOP");
        await rig.WaitForAsync(sweepId, (trials, _) =>
            trials.Single(t => t.Index == held.Index).LeaseOwner?.StartsWith("w1/") == true);
        await Task.Delay(TimeSpan.FromSeconds(2));
        ClusterRig.Signal(rig.Worker("w0"), "CONT");

        await FinishedAsync(submitter, submitted);
        var store = await rig.StoreAsync();
        Assert.All(await store.GetTrialsAsync(sweepId), t => Assert.Equal(TrialState.Completed, t.State));
        AssertSameNumbers(expected, await store.GetEpochsAsync(sweepId));
    }

    [Fact]
    public async Task SubmitterKilled_TheSweepStillFinishes_AndAnyHostSeesIt()
    {
        await using var rig = await ClusterRig.StartAsync("cluster-submitter", workers: 2);
        var spec = TestSpecs.Write(rig.Work, "submitter.yaml", Spec("cluster-submitter"));
        using (var submitter = rig.Start("run", spec, "--out", "runs", "--threads-per-trial", $"{ThreadsPerTrial}"))
        {
            SweepProgram.Drain(submitter);
            var id = await rig.SweepIdAsync();
            await rig.WaitForAsync(id, (_, epochs) => epochs.Count > 0);
            submitter.Kill(entireProcessTree: true);
        }
        var sweepId = await rig.SweepIdAsync();

        await rig.WaitForAsync(sweepId, (trials, _) => trials.All(t => t.State == TrialState.Completed));
        var deadline = Stopwatch.StartNew();
        ProgramRun listed;
        do
        {
            using var list = rig.Start("list");
            var output = list.StandardOutput.ReadToEndAsync();
            await list.WaitForExitAsync();
            listed = new ProgramRun(list.ExitCode, await output, await list.StandardError.ReadToEndAsync());
        }
        while (!listed.Output.Contains("finished") && deadline.Elapsed < TimeSpan.FromSeconds(30));
        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.Contains(sweepId, listed.Output);
        Assert.Contains("4/4 finished", listed.Output);
        using var status = rig.Start("status", sweepId);
        var shown = await status.StandardOutput.ReadToEndAsync();
        await status.WaitForExitAsync();
        Assert.True(status.ExitCode == 0, shown);
        Assert.Contains("completed 4", shown);

        using var pull = rig.Start("pull", sweepId, "--out", "pulled");
        await pull.WaitForExitAsync();
        Assert.Equal(0, pull.ExitCode);
        var pulled = await SweepResults.ReadAsync(Path.Combine(rig.Work, "pulled", sweepId));
        Assert.Equal(4 * Epochs, pulled.Epochs.Count);
    }

    [Fact]
    public async Task WorkerThatCannotReachTheCluster_SaysWhereItLooked_WithoutThePassword()
    {
        var work = TestSpecs.NewWorkDirectory("cluster-unreachable");
        var port = Orchestrator.Tests.TestKit.RedisServer.FreeLoopbackPort();

        var run = await SweepProgram.RunAsync(work, "worker", "--cluster",
            $"127.0.0.1:{port},password=hunter2-secret,connectTimeout=500");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{port}", line);
        Assert.DoesNotContain("hunter2-secret", run.Output + run.Error);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    /// <summary>Waits for the submitter, which follows its sweep to the end, and checks it ended well.</summary>
    private static async Task FinishedAsync(Process submitter, Func<string> output)
    {
        await submitter.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(6));
        submitter.WaitForExit();
        Assert.True(submitter.ExitCode == 0, output());
    }

    private static void AssertSameNumbers(SweepSnapshot expected, IReadOnlyList<EpochRecord> actual)
    {
        static IEnumerable<string> Numbers(IEnumerable<EpochRecord> epochs) => epochs
            .OrderBy(e => e.TrialIndex).ThenBy(e => e.Metrics.Epoch)
            .Select(e => $"{e.TrialIndex}:{e.Metrics with { Seconds = 0, SamplesPerSecond = 0 }}");
        Assert.Equal(Numbers(expected.Epochs), Numbers(actual));
    }
}
