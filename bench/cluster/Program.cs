using Sweep.Bench;
using Sweep.ClusterBench;

// A cluster on this machine — one redis-server of the benchmark's own and real `sweep worker` processes — measured
// three ways:
// 1. scaling: sleep-bound trials on 1, 2, 4, 8 one-slot workers; efficiency = ideal / measured makespan (goal ≥ 95%
//    at 8 workers);
// 2. throughput: zero-second trials through Redis on 8 workers against the SQLite store in one process and Optuna
//    (RandomSampler) on SQLite and on Redis (goal ≥ 500 trials/s through Redis);
// 3. failover: kill -9 the worker holding a trial; time until the other worker holds it (goal ≤ 5 s).
if (!BenchArguments.TryParse(() => BenchOptions.Parse(args), o => o.WorkDirectory, out var options, out var exitCode))
    return exitCode;

using var children = new ChildProcesses();
await using var redis = await RedisServerProcess.StartAsync(children, Path.Combine(options.WorkDirectory, "redis"));
var program = new SweepProgram(children, redis.ConnectionString);
Console.WriteLine($"cluster    redis-server {redis.ConnectionString} (appendonly, no snapshots); {Environment.ProcessorCount} cores; {MachineLoad.Now()}");
if (options.Runs("scaling"))
    await ScalingBench.RunAsync(options, redis, program);
if (options.Runs("throughput"))
    await ThroughputBench.RunAsync(options, redis, program, children);
if (options.Runs("failover"))
    await FailoverBench.RunAsync(options, redis, program);
return 0;
