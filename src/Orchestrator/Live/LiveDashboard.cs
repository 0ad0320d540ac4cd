using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Sweep.Orchestrator.Live;

/// <summary>The Orleans Dashboard at <c>/dashboard</c>, for a serving process that hosts or joins a silo.</summary>
public sealed class LiveDashboard(Action<IServiceCollection> addServices, string note)
{
    public const string Path = "/dashboard";

    public const string Absent = "<a href=\"dashboard\">/dashboard</a>: no Orleans Dashboard in this view";

    public static readonly string AbsentPage = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>No Orleans dashboard</title></head><body>"
        + "<p>This live view reads the sweep's store only and serves no Orleans Dashboard: there are no silos or grains to show here.</p>"
        + "<p><a href=\"/\">Back to the sweep</a></p></body></html>";

    public string Note { get; } = note;

    public void AddServices(IServiceCollection services) => addServices(services);

    public void Map(WebApplication app) => Orleans.Dashboard.ServiceCollectionExtensions.MapOrleansDashboard(app, Path);
}
