using Microsoft.Extensions.DependencyInjection;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Hosting;

/// <summary>What the sweep grain needs on every silo, registered in one place for the program's hosts (embedded and
/// cluster), the benchmarks and the tests' clusters alike.</summary>
public static class SweepGrainServices
{
    public static IServiceCollection AddSweepGrains(this IServiceCollection services, ISweepStoreProvider stores,
        TimeProvider time, Action<SweepOptions>? configure = null)
    {
        services.AddSweepSerialization();
        services.AddSingleton(stores);
        services.AddSingleton<SpecLoader>();
        services.AddSingleton(time);
        var options = services.AddOptions<SweepOptions>();
        if (configure is not null)
            options.Configure(configure);
        return services;
    }
}
