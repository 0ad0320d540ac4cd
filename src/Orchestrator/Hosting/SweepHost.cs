using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Hosting;

/// <summary>The embedded default: one process holds an Orleans silo with localhost clustering, the sweep's store
/// and this machine's worker slots.</summary>
public static class SweepHost
{
    public static IHost Build(SweepTarget target, ISweepStore store, SlotPlan slots, ITrialExecutor executor,
        ProgressBoard board, LogLevel consoleLevel = LogLevel.Warning)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(consoleLevel);
        // Orleans' start-up advice (server GC) and its watchdog's timing notes are about the host, not the sweep.
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort()));
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        // Slots stop at the next batch and give their trials back; nothing may cut that short.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSweepGrains(new SingleSweepStore(target.SweepId, store), TimeProvider.System);
        builder.Services.AddSingleton<IWorkSource>(new SingleSweepSource(target, slots));
        builder.Services.AddSingleton<ICheckpointShelf, LocalCheckpoints>();
        builder.Services.AddSingleton(slots);
        builder.Services.AddSingleton(executor);
        builder.Services.AddSingleton(board);
        builder.Services.AddSingleton<SlotDrain>();
        builder.Services.AddSingleton<WorkerSlots>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WorkerSlots>());
        return builder.Build();
    }

    /// <summary>Several sweeps (and tests) may run on one machine at once, so the silo takes ports nobody holds.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
