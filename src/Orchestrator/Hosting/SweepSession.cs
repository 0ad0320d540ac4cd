using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Hosting;

/// <summary>Runs a sweep in this process until it finishes or <c>stopping</c> is cancelled (Ctrl-C or SIGTERM),
/// showing live progress. Stopping lets every slot give its trial back after the last checkpoint; nothing finished
/// is lost.</summary>
public static class SweepSession
{
    public static async Task<bool> RunAsync(SweepTarget target, ISweepStore store, SlotPlan slots,
        ITrialExecutor executor, CancellationToken stopping)
    {
        var board = new ProgressBoard();
        using var host = SweepHost.Build(target, store, slots, executor, board);
        try
        {
            await host.StartAsync(CancellationToken.None);
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
        }
    }
}
