using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;

namespace Sweep.Bench;

/// <summary>A finished sweep as its store holds it, and the wall time from starting the silo to the last slot
/// stopping.</summary>
public sealed record CompletedSweep(string Directory, IReadOnlyList<TrialRecord> Trials, TimeSpan Wall);

/// <summary>Runs a sweep the way <c>sweep run</c> does — a new sweep directory with its SQLite store, the
/// in-process Orleans silo with the real sweep grain, and worker slots — without the live display.
/// Shared by the benchmarks under bench/.</summary>
public static class InProcessSweep
{
    public static async Task<CompletedSweep> RunAsync(string specText, string outputRoot, SlotPlan slots,
        ITrialExecutor executor)
    {
        Directory.CreateDirectory(outputRoot);
        var specPath = Path.Combine(outputRoot, "spec.yaml");
        await File.WriteAllTextAsync(specPath, specText);
        var spec = new SpecLoader().ReadFile(specPath);
        var opened = await SweepDirectory.CreateAsync(spec, outputRoot,
            new RunSettings(null, slots.Slots, slots.ThreadsPerSlot, MachineDevice.Describe()), CancellationToken.None);
        await using var store = opened.Store;
        using var runLock = opened.Lock;
        var target = new SweepTarget(opened.SweepId, opened.Directory, null);
        using var host = SweepHost.Build(target, store, slots, executor, new ProgressBoard());
        var wall = Stopwatch.StartNew();
        await host.StartAsync();
        await host.Services.GetRequiredService<WorkerSlots>().Completion;
        wall.Stop();
        await host.StopAsync();
        var trials = await store.GetTrialsAsync(opened.SweepId);
        // Slots also stop when the host is told to stop (SIGTERM); figures of half a sweep would mislead.
        if (trials.Any(t => !t.State.IsFinished()))
            throw new InvalidOperationException($"{opened.Directory}: stopped before every trial finished");
        return new CompletedSweep(opened.Directory, trials, wall.Elapsed);
    }
}
