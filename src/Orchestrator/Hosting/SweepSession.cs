using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Hosting;

/// <summary>Runs a sweep in this process until it finishes or <c>stopping</c> is cancelled (Ctrl-C or SIGTERM),
/// showing live progress. Stopping lets every slot give its trial back after the last checkpoint; nothing finished
/// is lost.</summary>
public static class SweepSession
{
    /// <param name="openLiveView">Opens the live view once the silo listens, given its gateway port; it is closed
    /// after the slots gave their trials back, so open pages see how the run ended.</param>
    public static async Task<bool> RunAsync(SweepTarget target, ISweepStore store, SlotPlan slots,
        ITrialExecutor executor, CancellationToken stopping, Func<int, Task<IAsyncDisposable>>? openLiveView = null)
    {
        var board = new ProgressBoard();
        using var host = SweepHost.Build(target, store, slots, executor, board);
        IAsyncDisposable? liveView = null;
        try
        {
            await host.StartAsync(CancellationToken.None);
            if (openLiveView is not null)
                liveView = await openLiveView(host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.GatewayPort);
            var workers = host.Services.GetRequiredService<WorkerSlots>();
            var sweep = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ISweepGrain>(target.SweepId);
            var done = Task.WhenAny(workers.Completion, Task.Delay(Timeout.Infinite, stopping));
            await ProgressView.ShowAsync(sweep.GetProgressAsync, () => board.Running, done);
            if (workers.Completion.IsFaulted)
                await workers.Completion;
            return workers.Completion.IsCompletedSuccessfully && !stopping.IsCancellationRequested;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            if (liveView is not null)
                await liveView.DisposeAsync();
        }
    }
}
