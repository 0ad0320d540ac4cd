using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Hosting;

/// <summary>Records of Sweep.Trials (and the plan) cross grain calls as JSON, so the trial library needs no Orleans
/// attributes; Orleans' own codec keeps the messages marked [GenerateSerializer].</summary>
public static class SweepSerialization
{
    public static IServiceCollection AddSweepSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("Sweep.", StringComparison.Ordinal) == true
                && type.GetCustomAttributes(typeof(GenerateSerializerAttribute), false).Length == 0,
            jsonSerializerOptions: SweepJson.Options));
}
