using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Live;

/// <summary>The Orleans Dashboard at <c>/dashboard</c>: the live view's host joins the silos as an Orleans client
/// (the silos run the dashboard's grains, see <c>AddDashboard</c> in the hosts), so it shows their grains from the
/// same address and behind the same token as the sweep. Without silos to reach, the page says why.</summary>
public sealed class LiveDashboard
{
    public const string Path = "/dashboard";

    private readonly Action<IClientBuilder>? clustering;

    private LiveDashboard(Action<IClientBuilder>? clustering, string note, string? absence)
    {
        this.clustering = clustering;
        Note = note;
        Absence = absence;
    }

    /// <summary>The line the live page shows about it.</summary>
    public string Note { get; }

    /// <summary>Why there is no dashboard, or null when there is one.</summary>
    public string? Absence { get; }

    public bool Serves => clustering is not null;

    /// <summary>The silo this process runs for <c>run --serve</c> (localhost clustering, the silo's gateway port).</summary>
    public static LiveDashboard OfLocalSilo(int gatewayPort) =>
        new(client => client.UseLocalhostClustering(gatewayPort), Link("the Orleans Dashboard of this run's silo"), null);

    /// <summary>Every silo of a cluster, found through its Redis membership.</summary>
    public static LiveDashboard OfCluster(ClusterConnection cluster) => new(client =>
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = cluster.Options());
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ClusterId));
        },
        Link($"the Orleans Dashboard of cluster {Reports.Html.Text.E(cluster.ClusterId)}"), null);

    public static LiveDashboard Absent(string why) =>
        new(null, $"{Link("/dashboard")}: no Orleans Dashboard ({Reports.Html.Text.E(why)})", why);

    /// <summary>This live view reads a sweep directory's store and holds no silo of the run that writes it.</summary>
    public static LiveDashboard OfStoreOnly { get; } =
        Absent("this view reads the sweep's store only; sweep run --serve or sweep serve --cluster show the silos");

    /// <summary>Joins the silos when the host starts; a host whose silos cannot be reached fails to start.</summary>
    public void AddTo(WebApplicationBuilder builder)
    {
        if (clustering is { } join)
            builder.UseOrleansClient(client =>
            {
                join(client);
                client.AddDashboard();
            });
    }

    public void MapTo(WebApplication app)
    {
        if (Serves)
            app.MapOrleansDashboard(Path);
        else
            app.MapGet(Path, () => Results.Content(AbsentPage(Absence!), "text/html; charset=utf-8"));
    }

    private static string Link(string text) => $"<a href=\"{Path}/\">{text}</a>";

    private static string AbsentPage(string why) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>No Orleans Dashboard</title></head><body>"
        + $"<p>No Orleans Dashboard here: {Reports.Html.Text.E(why)}.</p><p><a href=\"/\">Back to the sweep</a></p></body></html>";
}
