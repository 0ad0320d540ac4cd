using Spectre.Console;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Reporting;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Storage.Redis;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep run spec.yaml --cluster …</c>: puts the sweep into the cluster's store for its workers, then
/// follows it. The submitter only watches: stopping or killing it leaves the sweep running (<c>sweep cancel</c>
/// stops it). When the sweep ends its records are pulled here and the report written.</summary>
public static class ClusterSubmit
{
    public static async Task<int> RunAsync(ClusterConnection cluster, SweepSpec spec, RunSettings settings,
        string outputRoot, StopSignals signals)
    {
        using var redis = await cluster.ConnectAsync();
        var store = new RedisSweepStore(redis, cluster.KeyPrefix);
        var catalog = new RedisSweepCatalog(redis, cluster.KeyPrefix);
        var sweepId = SweepDirectory.NewSweepId(spec);
        var plan = SweepPlanner.InitialPlan(spec);
        await store.CreateSweepAsync(new SweepRecord(sweepId, spec.Baseline.Name, spec.SourcePath, spec.Text,
            spec.Search.Strategy.ToString(), SweepDirectory.PlanHash(plan), DateTimeOffset.UtcNow, settings));
        await store.AddTrialsAsync(sweepId, plan);
        await catalog.RegisterAsync(sweepId, DateTimeOffset.UtcNow);
        var follow = $"sweep status --cluster … {sweepId}";
        AnsiConsole.MarkupLineInterpolated($"Sweep [bold]{sweepId}[/] ({spec.Search.Strategy}, {plan.Count} trials, {settings.ThreadsPerSlot} thread(s) per trial) submitted to cluster {cluster.ClusterId} at {cluster.Redacted}");
        foreach (var note in ImplicitDefaults.Of(spec))
            AnsiConsole.WriteLine(note);

        var ended = WaitForEndAsync(catalog, sweepId, signals.Stopping);
        await ProgressView.ShowAsync(() => Patiently(() => ProgressAsync(store, sweepId, spec)), () => [],
            Task.WhenAny(ended, Task.Delay(Timeout.Infinite, signals.Stopping)));
        if (!ended.IsCompletedSuccessfully)
        {
            AnsiConsole.MarkupLineInterpolated($"Stopped following; the sweep goes on in the cluster. Follow it with: [bold]{follow}[/], stop it with: [bold]sweep cancel --cluster … {sweepId}[/]");
            return signals.ExitCode;
        }
        var directory = await SweepPull.PullAsync(store, sweepId, outputRoot, CancellationToken.None);
        var (sweep, local) = await SweepDirectory.OpenExistingAsync(directory, CancellationToken.None);
        await using var _ = local;
        var report = await SweepReport.WriteAsync(sweep, local, directory, CancellationToken.None);
        AnsiConsole.MarkupLineInterpolated($"Sweep {sweepId} {(await ended).ToString().ToLowerInvariant()}; its records: {directory}");
        AnsiConsole.MarkupLineInterpolated($"Report:  [bold]{report}[/]");
        var failed = (await local.GetTrialsAsync(sweepId)).Count(t => t.State == TrialState.Failed);
        return failed > 0 ? SweepCompletion.TrialsFailedExitCode : 0;
    }

    /// <summary>The progress the store shows; the cluster's workers hold the running details.</summary>
    internal static async Task<SweepProgress> ProgressAsync(ISweepStore store, string sweepId, SweepSpec spec) =>
        SweepProjection.Load(spec.Baseline.Objective, await store.GetTrialsAsync(sweepId), []).Progress();

    /// <summary>Following survives what the workers survive: a Redis that restarts is waited for.</summary>
    private static Task<T> Patiently<T>(Func<Task<T>> read) =>
        GrainCalls.RetryAsync(read, TimeSpan.FromMinutes(1), TimeProvider.System);

    private static async Task<SweepLifecycle> WaitForEndAsync(ISweepCatalog catalog, string sweepId,
        CancellationToken stopping)
    {
        while (true)
        {
            var entry = (await Patiently(() => catalog.ListAsync(stopping))).Single(e => e.SweepId == sweepId);
            if (entry.State != SweepLifecycle.Active)
                return entry.State;
            await Task.Delay(TimeSpan.FromMilliseconds(500), stopping);
        }
    }
}
