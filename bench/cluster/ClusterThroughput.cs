namespace Sweep.ClusterBench;

/// <summary>One zero-second sweep through the Redis store on one-slot workers, with what it cost: the commands
/// Redis ran, the CPU the workers and the server used, and where each worker's time went between trials.</summary>
public sealed record ClusterThroughput(int Workers, StoreSpan Run, IReadOnlyList<CommandCost> Commands,
    SlotTimeline Timeline, TimeSpan WorkerCpu, TimeSpan RedisCpu, double IdleCommandsPerSecond, WarmedUp WarmedUp,
    string LoadBefore, string LoadAfter)
{
    private static readonly TimeSpan IdleSample = TimeSpan.FromSeconds(3);

    public static async Task<ClusterThroughput> MeasureAsync(RedisServerProcess redis, SweepProgram program,
        int workers, string spec, int warmUpTrials, string directory)
    {
        const string clusterId = "throughput";
        using var cluster = await ClusterWorkers.StartAsync(program, clusterId,
            Enumerable.Range(1, workers).Select(i => $"t{i}"), directory);
        var warmedUp = await ClusterWarmUp.RunAsync(redis, clusterId, cluster, warmUpTrials,
            Path.Combine(directory, "warm-up"));
        await RedisCommandStats.ResetAsync(redis.Server);
        await Task.Delay(IdleSample);
        var idleCommands = (await RedisCommandStats.ReadAsync(redis.Server)).Sum(c => c.Calls) / IdleSample.TotalSeconds;

        var loadBefore = MachineLoad.Now();
        await RedisCommandStats.ResetAsync(redis.Server);
        var workerCpu = new CpuMeter([.. cluster.All.Select(w => w.Process.Process)]);
        var redisCpu = new CpuMeter([redis.Process]);
        var sweep = await SubmittedSweep.CreateAsync(redis, clusterId, spec, Path.Combine(directory, "sweep"));
        await sweep.EndedAsync(TimeSpan.FromMinutes(60));
        var commands = await RedisCommandStats.ReadAsync(redis.Server);
        var (workersUsed, redisUsed, loadAfter) = (workerCpu.Used, redisCpu.Used, MachineLoad.Now());
        var records = await sweep.CompletedTrialsAsync();
        return new ClusterThroughput(workers, StoreSpan.Of(records), commands,
            SlotTimeline.Of(records, await sweep.Store.GetEpochsAsync(sweep.Id)), workersUsed, redisUsed, idleCommands,
            warmedUp, loadBefore, loadAfter);
    }
}
