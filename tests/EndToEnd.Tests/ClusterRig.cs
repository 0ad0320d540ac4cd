using System.Diagnostics;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Storage.Redis;
using Sweep.Orchestrator.Tests.TestKit;
using StackExchange.Redis;

namespace Sweep.EndToEnd.Tests;

/// <summary>A cluster on this machine: a <c>redis-server</c> of its own and real <c>sweep worker</c> processes, each
/// with its own silo ports and work folder, all on 127.0.0.1. The connection string travels in SWEEP_CLUSTER, as a
/// user keeping a password out of the process list would pass it.</summary>
public sealed class ClusterRig : IAsyncDisposable
{
    private readonly List<(string Name, Process Process, Func<string> Output)> workers = [];
    private IConnectionMultiplexer? redis;

    private ClusterRig(RedisServer server, string work) => (Redis, Work) = (server, work);

    public RedisServer Redis { get; }
    public string Work { get; }

    public static async Task<ClusterRig> StartAsync(string label, int workers)
    {
        var server = new RedisServer();
        await server.InitializeAsync();
        var rig = new ClusterRig(server, TestSpecs.NewWorkDirectory(label));
        for (var index = 0; index < workers; index++)
            await rig.StartWorkerAsync($"w{index}");
        return rig;
    }

    public async Task StartWorkerAsync(string name)
    {
        var process = Start("worker", "--name", name, "--slots", "1", "--work-dir", Path.Combine(Work, $"work-{name}"));
        var output = SweepProgram.Drain(process);
        workers.Add((name, process, output));
        var deadline = Stopwatch.StartNew();
        while (!output().Contains("joined cluster"))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException($"worker {name} did not join: {output()}");
            await Task.Delay(100);
        }
    }

    public Process Start(params string[] args)
    {
        var process = SweepProgram.Start(Work, args, new Dictionary<string, string>
        {
            ["SWEEP_CLUSTER"] = Redis.ConnectionString,
        });
        return process;
    }

    /// <summary>Submits the spec as a user would (the submitter follows it to its end) and waits until the cluster
    /// holds it.</summary>
    public async Task<(Process Submitter, Func<string> Output, string SweepId)> SubmitAsync(string spec,
        int threadsPerTrial)
    {
        var submitter = Start("run", spec, "--out", "runs", "--threads-per-trial", $"{threadsPerTrial}");
        var output = SweepProgram.Drain(submitter);
        return (submitter, output, await SweepIdAsync());
    }

    public Process Worker(string name) => workers.Single(w => w.Name == name).Process;

    public string Output(string name) => workers.Single(w => w.Name == name).Output();

    public async Task<RedisSweepStore> StoreAsync()
    {
        redis ??= await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        return new RedisSweepStore(redis, "sweep:sweep");
    }

    public async Task<string> SweepIdAsync()
    {
        redis ??= await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(1))
        {
            if ((await new RedisSweepCatalog(redis, "sweep:sweep").ListAsync()) is [var entry])
                return entry.SweepId;
            await Task.Delay(100);
        }
        throw new TimeoutException("no sweep was submitted");
    }

    /// <summary>Waits until the store shows what <paramref name="condition"/> asks for.</summary>
    public async Task<(IReadOnlyList<TrialRecord> Trials, IReadOnlyList<EpochRecord> Epochs)> WaitForAsync(
        string sweepId, Func<IReadOnlyList<TrialRecord>, IReadOnlyList<EpochRecord>, bool> condition)
    {
        var store = await StoreAsync();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            var trials = await store.GetTrialsAsync(sweepId);
            var epochs = await store.GetEpochsAsync(sweepId);
            if (condition(trials, epochs))
                return (trials, epochs);
            await Task.Delay(50);
        }
        throw new TimeoutException($"sweep {sweepId} never reached the condition");
    }

    public static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString()]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process, _) in workers)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        if (redis is not null)
            await redis.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
