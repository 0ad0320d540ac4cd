using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.TestKit;

/// <summary>The embedded sweep host as <c>sweep run</c> builds it (silo, store, worker slots), on a given store.</summary>
internal static class SlotHosts
{
    /// <summary>Only guards against a hung test; the synthetic sweeps here finish in well under a second.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public static IHost Build(string sweepId, ISweepStore store, int slots, ITrialExecutor executor,
        ProgressBoard? board = null) =>
        SweepHost.Build(new SweepTarget(sweepId, Path.Combine(Path.GetTempPath(), "sweep-slot-tests", sweepId), null),
            store, new SlotPlan(slots, 1), executor, board ?? new ProgressBoard());

    /// <summary>Starts the host and waits until its slots say the sweep is finished, then stops it.</summary>
    public static async Task RunToCompletionAsync(IHost host)
    {
        await host.StartAsync();
        await host.Services.GetRequiredService<WorkerSlots>().Completion.WaitAsync(HangGuard);
        await host.StopAsync();
    }
}
