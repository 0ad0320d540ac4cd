using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Sweep.Orchestrator.Live;

/// <summary>The Orleans Dashboard at <c>/dashboard</c>, for a serving process that hosts or joins a silo.</summary>
public sealed class LiveDashboard(Action<IServiceCollection> addServices, string note)
{
    public const string Path = "/dashboard";

    public const string Absent = "no Orleans silo in this process: <code>/dashboard</code> is served by <code>sweep run --serve</code> and <code>sweep serve --cluster</code>";

    public static readonly string AbsentPage = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>No Orleans dashboard</title></head><body>"
        + "<p>This process reads the sweep's store and runs no Orleans silo, so there are no silos or grains to show. "
        + "The Orleans Dashboard is at <code>/dashboard</code> of <code>sweep run … --serve</code> (the embedded silo that runs the sweep) "
        + "and of <code>sweep serve --cluster …</code> (the cluster's silos).</p><p><a href=\"/\">Back to the sweep</a></p></body></html>";

    public string Note { get; } = note;

    public void AddServices(IServiceCollection services) => addServices(services);

    public void Map(WebApplication app) => Orleans.Dashboard.ServiceCollectionExtensions.MapOrleansDashboard(app, Path);
}
