using Sweep.Orchestrator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.TestKit;

/// <summary>An in-process Orleans cluster serving sweep grains from the given stores, on the given clock, with no
/// worker slots: tests play the slots themselves through the grain.</summary>
internal static class SweepTestCluster
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    public static async Task<InProcessTestCluster> StartAsync(ISweepStoreProvider stores, TimeProvider time)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureHost(host => host.Services.AddSweepSerialization());
        builder.ConfigureSilo((_, silo) =>
            silo.Services.AddSweepGrains(stores, time, options => options.LeaseDuration = LeaseDuration));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
