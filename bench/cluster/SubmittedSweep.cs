using System.Diagnostics;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Storage.Redis;

namespace Sweep.ClusterBench;

/// <summary>A sweep in a cluster's store, and how the benchmark learns it ended. Each measurement gets a cluster id
/// of its own, so its catalog holds only its warm-up and its sweep, and its membership only the workers started for
/// it.</summary>
public sealed class SubmittedSweep
{
    private readonly RedisSweepCatalog catalog;

    private SubmittedSweep(string id, SweepProcess? submitter, RedisSweepStore store, RedisSweepCatalog catalog)
    {
        Id = id;
        Submitter = submitter;
        Store = store;
        this.catalog = catalog;
    }

    public string Id { get; }

    /// <summary>The <c>sweep run --cluster</c> process following the sweep; null when the benchmark put the sweep in
    /// the store itself.</summary>
    public SweepProcess? Submitter { get; }

    /// <summary>Read directly, as the workers' grain writes it.</summary>
    public RedisSweepStore Store { get; }

    /// <summary>Through the real <c>sweep run &lt;spec&gt; --cluster … --threads-per-trial 1</c>, which submits the
    /// sweep and follows it to the end (reading every trial twice a second), then pulls it and writes its report.</summary>
    public static async Task<SubmittedSweep> SubmitAsync(RedisServerProcess redis, SweepProgram program,
        string clusterId, string specText, string directory)
    {
        var specPath = await WriteSpecAsync(specText, directory);
        var (store, catalog) = Open(redis, clusterId);
        var earlier = (await catalog.ListAsync()).Select(e => e.SweepId).ToHashSet();
        var submitter = program.Start(directory, "run", specPath, "--cluster-id", clusterId,
            "--threads-per-trial", "1", "--out", Path.Combine(directory, "runs"));
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            if ((await catalog.ListAsync()).FirstOrDefault(e => !earlier.Contains(e.SweepId)) is { } entry)
                return new SubmittedSweep(entry.SweepId, submitter, store, catalog);
            if (submitter.Process.HasExited || waiting.Elapsed > TimeSpan.FromMinutes(2))
                throw new InvalidOperationException(
                    $"sweep run --cluster-id {clusterId} submitted nothing; it printed:\n{submitter.Output.Tail()}");
            await Task.Delay(20);
        }
    }

    /// <summary>The writes <c>sweep run --cluster</c> makes (sweep record, planned trials, catalog entry) without its
    /// follower, so the store serves the workers alone.</summary>
    public static async Task<SubmittedSweep> CreateAsync(RedisServerProcess redis, string clusterId, string specText,
        string directory)
    {
        var spec = new SpecLoader().ReadFile(await WriteSpecAsync(specText, directory));
        var (store, catalog) = Open(redis, clusterId);
        var id = SweepDirectory.NewSweepId(spec);
        var plan = SweepPlanner.InitialPlan(spec);
        await store.CreateSweepAsync(new SweepRecord(id, spec.Baseline.Name, spec.SourcePath, spec.Text,
            spec.Search.Strategy.ToString(), SweepDirectory.PlanHash(plan), DateTimeOffset.UtcNow,
            new RunSettings(null, 0, 1, "cluster")));
        await store.AddTrialsAsync(id, plan);
        await catalog.RegisterAsync(id, DateTimeOffset.UtcNow);
        return new SubmittedSweep(id, null, store, catalog);
    }

    /// <summary>Waits for the sweep to end (and a submitter to pull it and write its report), and returns the
    /// trials as the cluster's store holds them; every trial must have completed.</summary>
    public async Task<IReadOnlyList<TrialRecord>> WaitForEndAsync(TimeSpan timeout)
    {
        await EndedAsync(timeout);
        return await CompletedTrialsAsync();
    }

    /// <summary>Returns once the catalog shows the sweep ended, or its submitter exited, without reading any trial.</summary>
    public async Task EndedAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            if (Submitter is not null)
                await Submitter.Process.WaitForExitAsync(cancel.Token);
            else
                while ((await catalog.ListAsync(cancel.Token)).Single(e => e.SweepId == Id).State == SweepLifecycle.Active)
                    await Task.Delay(100, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"sweep {Id} did not end within {timeout.TotalMinutes:F0} min{Printed()}");
        }
    }

    public async Task<IReadOnlyList<TrialRecord>> CompletedTrialsAsync()
    {
        var trials = await Store.GetTrialsAsync(Id);
        var completed = trials.Count(t => t.State == TrialState.Completed);
        if (Submitter?.Process.ExitCode is not (0 or null) || completed != trials.Count)
            throw new InvalidOperationException($"sweep {Id}: {completed}/{trials.Count} trials completed"
                + (Submitter is null ? "" : $", submitter exited with {Submitter.Process.ExitCode}") + Printed());
        return trials;
    }

    private string Printed() => Submitter is null ? "" : $"; the submitter printed:\n{Submitter.Output.Tail()}";

    private static async Task<string> WriteSpecAsync(string specText, string directory)
    {
        Directory.CreateDirectory(directory);
        var specPath = Path.Combine(directory, "spec.yaml");
        await File.WriteAllTextAsync(specPath, specText);
        return specPath;
    }

    private static (RedisSweepStore Store, RedisSweepCatalog Catalog) Open(RedisServerProcess redis, string clusterId)
    {
        var prefix = new ClusterConnection(redis.ConnectionString, clusterId).KeyPrefix;
        return (new RedisSweepStore(redis.Admin, prefix), new RedisSweepCatalog(redis.Admin, prefix));
    }
}
