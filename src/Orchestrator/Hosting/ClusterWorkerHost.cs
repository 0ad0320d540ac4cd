using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans.Configuration;
using StackExchange.Redis;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Storage.Redis;

namespace Sweep.Orchestrator.Hosting;

/// <summary>Where a cluster worker listens, what it offers and where it keeps trial files.</summary>
/// <param name="Advertise">The address other hosts reach this one at; the silo listens on it alone.</param>
/// <param name="SharedCheckpoints">A folder every host mounts (e.g. NFS): trials and their checkpoints live there
/// and nothing is copied through Redis.</param>
public sealed record WorkerSettings(SlotPlan Slots, string Name, IPAddress Advertise, int SiloPort, int GatewayPort,
    string WorkDirectory, string? SharedCheckpoints, string? DataDirectory);

/// <summary>A host of a cluster: an Orleans silo on Redis membership (it may hold any sweep's grain) with worker
/// slots that serve every active sweep of the cluster's store.</summary>
public static class ClusterWorkerHost
{
    public static IHost Build(ClusterConnection cluster, IConnectionMultiplexer redis, WorkerSettings worker,
        ITrialExecutor executor, ProgressBoard board)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = cluster.Options());
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ClusterId));
            silo.ConfigureEndpoints(worker.Advertise, worker.SiloPort, worker.GatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(ClusterTiming.Membership);
        });
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = Timeout.InfiniteTimeSpan);
        var stores = new SharedSweepStore(new RedisSweepStore(redis, cluster.KeyPrefix));
        builder.Services.AddSweepGrains(stores, TimeProvider.System, options =>
        {
            ClusterTiming.Leases(options);
            options.HostName = worker.Name;
        });
        var catalog = new RedisSweepCatalog(redis, cluster.KeyPrefix);
        builder.Services.AddSingleton<ISweepCatalog>(catalog);
        builder.Services.AddSingleton<IWorkSource>(new ClusterSweepSource(catalog, stores,
            worker.SharedCheckpoints ?? worker.WorkDirectory, worker.DataDirectory, worker.Slots.ThreadsPerSlot));
        builder.Services.AddSingleton<ICheckpointShelf>(worker.SharedCheckpoints is null
            ? new RedisCheckpointShelf(redis, cluster.KeyPrefix)
            : new LocalCheckpoints());
        builder.Services.AddSingleton(worker.Slots);
        builder.Services.AddSingleton(executor);
        builder.Services.AddSingleton(board);
        builder.Services.AddSingleton<SlotDrain>();
        builder.Services.AddSingleton<WorkerSlots>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WorkerSlots>());
        return builder.Build();
    }
}
