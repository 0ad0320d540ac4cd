using Sweep.Bench;
using System.Diagnostics;

namespace Sweep.ClusterBench;

/// <summary>How the workers were brought to a steady state before a measurement.</summary>
public sealed record WarmedUp(int Trials, TimeSpan Settling, double IdleCores)
{
    public override string ToString() =>
        $"after a warm-up sweep of {Trials} zero-second trials and {Settling.TotalSeconds:F0} s of settling, idle workers at {IdleCores:F2} cores";
}

/// <summary>A zero-second sweep on freshly joined workers, then a wait until they fall idle. Fresh workers compile the
/// whole trial path on their first trials and recompile its hot part at a higher tier a little later, which on two
/// cores keeps eight of them busy for seconds after the sweep ended. A cluster that has been up a while has paid
/// that, so the measurements start after it.</summary>
public static class ClusterWarmUp
{
    private const double IdleCores = 0.6;
    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MostSettling = TimeSpan.FromSeconds(90);

    public static async Task<WarmedUp> RunAsync(RedisServerProcess redis, string clusterId, ClusterWorkers workers,
        int trials, string directory)
    {
        var sweep = await SubmittedSweep.CreateAsync(redis, clusterId, SyntheticSweeps.Random("warm-up", trials, 1, 0),
            directory);
        await sweep.WaitForEndAsync(TimeSpan.FromMinutes(30));
        var processes = workers.All.Select(w => w.Process.Process).ToList();
        var settling = Stopwatch.StartNew();
        while (true)
        {
            var meter = new CpuMeter(processes);
            await Task.Delay(Sample);
            if (meter.Cores < IdleCores || settling.Elapsed > MostSettling)
                return new WarmedUp(trials, settling.Elapsed, meter.Cores);
        }
    }
}
