using Sweep.Bench;
using System.Diagnostics;

namespace Sweep.ClusterBench;

/// <summary>One kill: which worker held the trial, how long its lease still had to run when it died (the term
/// <c>ClusterTiming.Default</c> sets), and how long until the store showed the other worker holding it.</summary>
public sealed record Takeover(int Repeat, string Killed, string Survivor, int EpochsRecorded, TimeSpan LeaseLeft,
    TimeSpan Elapsed);

/// <summary>Measurement 3: two one-slot workers and a sweep of one long synthetic trial, so one worker trains and
/// the other waits for work. Once the trial has recorded an epoch, the worker holding it is killed with SIGKILL (no
/// drain, no release: a machine lost), and the store is polled every 20 ms until the trial's lease owner names the
/// other worker. Each repeat has a fresh cluster (new cluster id, two new workers), so no repeat inherits a dead
/// silo from the one before.</summary>
public static class FailoverBench
{
    public static readonly TimeSpan Goal = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<Takeover>> RunAsync(BenchOptions options, RedisServerProcess redis,
        SweepProgram program)
    {
        var takeovers = new List<Takeover>();
        for (var repeat = 1; repeat <= options.FailoverRepeats; repeat++)
        {
            var clusterId = $"failover-{repeat}";
            var directory = Path.Combine(options.WorkDirectory, clusterId);
            using var workers = await ClusterWorkers.StartAsync(program, clusterId, ["fa", "fb"], directory);
            var sweep = await SubmittedSweep.SubmitAsync(redis, program, clusterId,
                SyntheticSweeps.Random(clusterId, 1, options.FailoverEpochs, options.FailoverSeconds), directory);
            try
            {
                var takeover = await KillHolderAsync(repeat, sweep, workers);
                takeovers.Add(takeover);
                Console.WriteLine($"failover   repeat {repeat}: killed {takeover.Killed} after epoch "
                    + $"{takeover.EpochsRecorded}, its lease had {takeover.LeaseLeft.TotalSeconds:F2} s left; "
                    + $"{takeover.Survivor} held the trial {takeover.Elapsed.TotalSeconds:F2} s after the kill ({MachineLoad.Now()})");
            }
            finally
            {
                ChildProcesses.Kill(sweep.Submitter!.Process);
            }
        }
        if (takeovers.Count > 0)
        {
            TimeSpan Median(Func<Takeover, TimeSpan> of) => takeovers.Select(of).Order().ElementAt(takeovers.Count / 2);
            var median = Median(t => t.Elapsed);
            Console.WriteLine($"failover   median {median.TotalSeconds:F2} s from kill -9 to the other worker holding "
                + $"the trial (goal ≤ {Goal.TotalSeconds:F0} s: {(median <= Goal ? "met" : "missed")}); median lease "
                + $"left at the kill {Median(t => t.LeaseLeft).TotalSeconds:F2} s, median time from the lease's end to "
                + $"the takeover {Median(t => t.Elapsed - t.LeaseLeft).TotalSeconds:F2} s");
        }
        return takeovers;
    }

    private static async Task<Takeover> KillHolderAsync(int repeat, SubmittedSweep sweep, ClusterWorkers workers)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var trial = await sweep.Store.GetTrialAsync(sweep.Id, 0);
            var epochs = await sweep.Store.GetEpochsAsync(sweep.Id, 0);
            if (trial?.LeaseOwner is { } owner && epochs.Count > 0
                && workers.All.FirstOrDefault(w => w.Holds(owner)) is { } holder)
            {
                ChildProcesses.Kill(holder.Process.Process);
                var killedAt = DateTimeOffset.UtcNow;
                var sinceKill = Stopwatch.StartNew();
                // Read after the kill: the dead worker renewed nothing since, so this is the expiry the others face.
                var leaseEnds = (await sweep.Store.GetTrialAsync(sweep.Id, 0))?.LeaseExpiresAt ?? killedAt;
                var survivor = workers.All.Single(w => w != holder);
                await WaitForHolderAsync(sweep, survivor, sinceKill);
                return new Takeover(repeat, holder.Name, survivor.Name, epochs.Count, leaseEnds - killedAt,
                    sinceKill.Elapsed);
            }
            if (waiting.Elapsed > GiveUp)
                throw new TimeoutException($"sweep {sweep.Id}: no worker recorded an epoch within {GiveUp.TotalMinutes:F0} min");
            await Task.Delay(Poll);
        }
    }

    private static async Task WaitForHolderAsync(SubmittedSweep sweep, ClusterWorker survivor, Stopwatch sinceKill)
    {
        while (true)
        {
            if (survivor.Holds((await sweep.Store.GetTrialAsync(sweep.Id, 0))?.LeaseOwner))
                return;
            if (sinceKill.Elapsed > GiveUp)
                throw new TimeoutException($"sweep {sweep.Id}: {survivor.Name} did not take the trial within "
                    + $"{GiveUp.TotalMinutes:F0} min of the kill; it printed:\n{survivor.Process.Output.Tail()}");
            await Task.Delay(Poll);
        }
    }
}
