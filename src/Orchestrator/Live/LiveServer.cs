using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Live;

/// <summary>The live view's web host: ASP.NET Core minimal endpoints on Kestrel, read-only (GET only). A sweep's
/// routes are <see cref="LiveSweepRoutes"/>', at the root for one sweep or under <c>/sweeps/{id}/</c> below a cluster's
/// index; <c>/dashboard</c> is the Orleans Dashboard of the silos the view can reach (or a page saying why there is
/// none).</summary>
public sealed class LiveServer : IAsyncDisposable
{
    /// <summary>How long starting waits for the dashboard's silos before serving the sweep without them.</summary>
    public static readonly TimeSpan DashboardPatience = TimeSpan.FromSeconds(15);

    private readonly WebApplication app;

    private LiveServer(WebApplication app, string url, LiveDashboard dashboard)
    {
        this.app = app;
        Url = url;
        Dashboard = dashboard;
    }

    /// <summary>What <c>/dashboard</c> serves.</summary>
    public LiveDashboard Dashboard { get; }

    /// <summary>The address to open, with the token when one is needed.</summary>
    public string Url { get; }

    private LiveFeeds Feeds => app.Services.GetRequiredService<LiveFeeds>();

    /// <summary>Starts serving; when the dashboard's silos cannot be reached, serves the sweep without it and says
    /// so on the page.</summary>
    public static async Task<LiveServer> StartAsync(LiveEndpoint endpoint, LiveToken? token, ISweepStore store,
        string sweepId, string sweepDirectory, LiveDashboard? dashboard = null)
    {
        dashboard ??= LiveDashboard.OfStoreOnly;
        try
        {
            return await StartServingAsync(endpoint, token, store, sweepDirectory, dashboard, sweepId, null);
        }
        catch (Exception error) when (dashboard.Serves && error is not Contracts.UserErrorException)
        {
            return await StartServingAsync(endpoint, token, store, sweepDirectory, Unreached(error), sweepId, null);
        }
    }

    /// <summary>Serves the sweeps of a cluster: their index at <c>/</c>, each sweep's page under
    /// <c>/sweeps/{id}/</c>; falls back as <see cref="StartAsync"/> does when the dashboard's silos cannot be reached.</summary>
    public static async Task<LiveServer> StartIndexAsync(LiveEndpoint endpoint, LiveToken? token, ISweepStore store,
        ClusterIndex index, LiveDashboard dashboard)
    {
        try
        {
            return await StartServingAsync(endpoint, token, store, index.WorkingDirectory, dashboard, null, index);
        }
        catch (Exception error) when (dashboard.Serves && error is not Contracts.UserErrorException)
        {
            return await StartServingAsync(endpoint, token, store, index.WorkingDirectory, Unreached(error), null, index);
        }
    }

    private static LiveDashboard Unreached(Exception error) =>
        LiveDashboard.Absent("no silo answered when this view started (" + (error is OperationCanceledException
            ? $"none within {DashboardPatience.TotalSeconds:0} s" : error.Message.ReplaceLineEndings(" ")) + ")");

    private static async Task<LiveServer> StartServingAsync(LiveEndpoint endpoint, LiveToken? token, ISweepStore store,
        string sweepDirectory, LiveDashboard dashboard, string? sweepId, ClusterIndex? index)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "sweep" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(endpoint.Address, endpoint.Port));
        builder.Services.AddRoutingCore();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Error);
        // A port in use or a foreign address is said in one line by the command, not as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        // The dashboard's client notes silos coming and going; the dashboard page shows the cluster as it is.
        builder.Logging.AddFilter("Orleans", LogLevel.None);
        builder.Services.AddSingleton(TimeProvider.System);
        // A page on loopback answers only to loopback names, so a site that rebinds its own name to 127.0.0.1
        // cannot read it from the user's browser.
        builder.Services.AddHostFiltering(o => o.AllowedHosts = endpoint.NeedsToken
            ? ["*"] : ["localhost", "127.0.0.1", "[::1]"]);
        var note = index is null ? dashboard.Note : $"{dashboard.Note} · <a href=\"/\">every sweep of cluster {Reports.Html.Text.E(index.ClusterId)}</a>";
        builder.Services.AddSingleton(provider => new LiveFeeds(id => new LiveSweepFeed(store, id, sweepDirectory, note,
            TimeProvider.System, provider.GetRequiredService<ILogger<LiveSweepFeed>>())));
        builder.Services.AddHostedService(provider => provider.GetRequiredService<LiveFeeds>());
        dashboard.AddTo(builder);
        var app = builder.Build();
        app.UseHostFiltering();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            if (token is null)
                await next(context);
            else
                await LiveAccess.GuardAsync(context, token, next);
        });
        app.UseRouting();
        var feeds = app.Services.GetRequiredService<LiveFeeds>();
        var stopping = app.Lifetime.ApplicationStopping;
        if (sweepId is not null)
        {
            if (await feeds.FeedAsync(sweepId, CancellationToken.None) is null)
                throw new InvalidOperationException($"{sweepId}: the sweep's store holds no sweep of this id");
            LiveSweepRoutes.Map(app, _ => sweepId, feeds, stopping);
        }
        else
        {
            app.MapGet("/", async Task<IResult> (HttpContext context) => Results.Content(LiveClusterIndex.Render(index!.ClusterId,
                await ClusterSweepList.ReadAsync(index.Catalog, store, context.RequestAborted), dashboard.Note,
                TimeProvider.System.GetUtcNow()), "text/html; charset=utf-8"));
            LiveSweepRoutes.Map(app.MapGroup(LiveClusterIndex.SweepsPath + "/{sweep}"),
                context => (string)context.Request.RouteValues["sweep"]!, feeds, stopping);
        }
        dashboard.MapTo(app);

        try
        {
            // An Orleans client retries a gateway that is listed but gone for minutes; the sweep is not kept waiting.
            using var patience = new CancellationTokenSource(dashboard.Serves ? DashboardPatience : Timeout.InfiniteTimeSpan);
            await app.StartAsync(patience.Token);
        }
        catch (Exception error)
        {
            await app.DisposeAsync();
            if (endpoint.Refusal(error) is { } refusal)
                throw refusal;
            throw;
        }
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First()).Port;
        var url = endpoint.Url(port) + (token is null ? "" : $"?{LiveToken.QueryName}={token.Value}");
        return new LiveServer(app, url, dashboard);
    }

    /// <summary>Sends open pages the store's last state, then stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Feeds.FlushAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The store is gone or broken: the pages keep what they were last sent.
        }
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
