using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Sweep.Orchestrator.Scheduling;

namespace Sweep.Orchestrator.Hosting;

/// <summary>What every host the program builds shares, embedded or cluster: a generic host without the console
/// lifetime (signals belong to the command), single-line logs on stderr, and worker slots over a work source.</summary>
public static class CommandHost
{
    public static HostApplicationBuilder CreateBuilder(LogLevel consoleLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(consoleLevel);
        // Orleans' start-up advice (server GC) is about the host, not the sweep.
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        // Slots stop at the next batch (or epoch, draining) and give their trials back; nothing may cut that short.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = Timeout.InfiniteTimeSpan);
        return builder;
    }

    public static IServiceCollection AddWorkerSlots(this IServiceCollection services, IWorkSource source,
        ICheckpointShelf shelf, SlotPlan slots, ITrialExecutor executor, ProgressBoard board)
    {
        services.AddSingleton(source);
        services.AddSingleton(shelf);
        services.AddSingleton(slots);
        services.AddSingleton(executor);
        services.AddSingleton(board);
        services.AddSingleton<SlotDrain>();
        services.AddSingleton<TrialFailureLog>();
        services.AddSingleton<WorkerSlots>();
        services.AddHostedService(provider => provider.GetRequiredService<WorkerSlots>());
        return services;
    }
}
