using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans.Dashboard;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Hosting;

/// <summary>The embedded default: one process holds an Orleans silo with localhost clustering, the sweep's store
/// and this machine's worker slots. The silo runs the Orleans Dashboard's grains, which the live view shows.</summary>
public static class SweepHost
{
    public static IHost Build(SweepTarget target, ISweepStore store, SlotPlan slots, ITrialExecutor executor,
        ProgressBoard board, LogLevel consoleLevel = LogLevel.Warning)
    {
        var builder = CommandHost.CreateBuilder(consoleLevel);
        // The watchdog's timing notes of a busy machine are not the user's concern either.
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.Logging.AddProvider(new SweepLogFile(Path.Combine(target.SweepDirectory, SweepLogFile.FileName)));
        // The console names each failed trial once the sweep ends; the trace is the log file's.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(typeof(TrialFailureLog).FullName, LogLevel.None);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort()).AddDashboard());
        builder.Services.AddSweepGrains(new SingleSweepStore(target.SweepId, store), TimeProvider.System);
        builder.Services.AddWorkerSlots(new SingleSweepSource(target, slots), new LocalCheckpoints(), slots, executor,
            board);
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
