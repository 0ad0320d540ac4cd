using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;

namespace Sweep.OrchestrationOverheadBench;

/// <summary>Runs a sweep the way <c>sweep run</c> does — a new sweep directory with its SQLite store, the
/// in-process Orleans silo with the real sweep grain, and worker slots — without the live display, and measures it.</summary>
public static class InProcessSweep
{
    public static async Task<SweepRunFigures> RunAsync(string specText, string outputRoot, int slots,
        double secondsPerTrial)
    {
        Directory.CreateDirectory(outputRoot);
        var specPath = Path.Combine(outputRoot, "spec.yaml");
        await File.WriteAllTextAsync(specPath, specText);
        var spec = new SpecLoader().ReadFile(specPath);
        var opened = await SweepDirectory.CreateAsync(spec, outputRoot, CancellationToken.None);
        await using var store = opened.Store;
        using var runLock = opened.Lock;
        var target = new SweepTarget(opened.SweepId, opened.Directory, null);
        using var host = SweepHost.Build(target, store, new SlotPlan(slots, 1),
            new SyntheticTrialExecutor(TimeProvider.System), new ProgressBoard());
        var wall = Stopwatch.StartNew();
        await host.StartAsync();
        await host.Services.GetRequiredService<WorkerSlots>().Completion;
        wall.Stop();
        await host.StopAsync();
        return SweepRunFigures.From(await store.GetTrialsAsync(opened.SweepId), slots, secondsPerTrial, wall.Elapsed);
    }
}
