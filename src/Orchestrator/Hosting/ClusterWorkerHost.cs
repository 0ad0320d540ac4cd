using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using StackExchange.Redis;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Storage.Redis;

namespace Sweep.Orchestrator.Hosting;

/// <summary>Where a cluster worker listens, what it offers and where it keeps trial files.</summary>
/// <param name="Advertise">The address other hosts reach this one at; the silo listens on it alone.</param>
/// <param name="SharedCheckpoints">A folder every host mounts (e.g. NFS): trials and their checkpoints live there
/// and nothing is copied through Redis.</param>
/// <param name="Timing">Leases and failure detection; the same on every host of the cluster.</param>
public sealed record WorkerSettings(SlotPlan Slots, string Name, IPAddress Advertise, int SiloPort, int GatewayPort,
    string WorkDirectory, string? SharedCheckpoints, string? DataDirectory, ClusterTiming Timing);

/// <summary>A host of a cluster: an Orleans silo on Redis membership (it may hold any sweep's grain) with worker
/// slots that serve every active sweep of the cluster's store. Its silo runs the Orleans Dashboard's grains, which
/// <c>sweep serve --cluster</c> shows.</summary>
public static class ClusterWorkerHost
{
    public static IHost Build(ClusterConnection cluster, IConnectionMultiplexer redis, WorkerSettings worker,
        ITrialExecutor executor, ProgressBoard board)
    {
        var builder = CommandHost.CreateBuilder(LogLevel.Information);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = cluster.Options());
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ClusterId));
            silo.ConfigureEndpoints(worker.Advertise, worker.SiloPort, worker.GatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(worker.Timing.Membership);
            silo.AddDashboard();
        });
        var stores = new SharedSweepStore(new RedisSweepStore(redis, cluster.KeyPrefix));
        builder.Services.AddSweepGrains(stores, TimeProvider.System, options =>
        {
            worker.Timing.Leases(options);
            options.HostName = worker.Name;
        });
        var catalog = new RedisSweepCatalog(redis, cluster.KeyPrefix);
        var source = new ClusterSweepSource(catalog, stores, worker.SharedCheckpoints ?? worker.WorkDirectory,
            worker.DataDirectory, worker.Slots.ThreadsPerSlot, TimeProvider.System);
        ICheckpointShelf shelf = worker.SharedCheckpoints is null
            ? new RedisCheckpointShelf(redis, cluster.KeyPrefix)
            : new LocalCheckpoints();
        builder.Services.AddWorkerSlots(source, shelf, worker.Slots, executor, board);
        return builder.Build();
    }
}
