using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Live;

/// <summary>The live view's web host: ASP.NET Core minimal endpoints on Kestrel, read-only (GET only). <c>/</c> is
/// the page, <c>/events</c> its server-sent updates, <c>/health</c> a JSON line of the feed's state, and
/// <c>/dashboard</c> the Orleans Dashboard of the silos the view can reach (or a page saying why there is none).</summary>
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

    public LiveSweepFeed Feed => app.Services.GetRequiredService<LiveSweepFeed>();

    /// <summary>Starts serving; when the dashboard's silos cannot be reached, serves the sweep without it and says
    /// so on the page.</summary>
    public static async Task<LiveServer> StartAsync(LiveEndpoint endpoint, LiveToken? token, ISweepStore store,
        string sweepId, string sweepDirectory, LiveDashboard? dashboard = null)
    {
        dashboard ??= LiveDashboard.OfStoreOnly;
        try
        {
            return await StartServingAsync(endpoint, token, store, sweepId, sweepDirectory, dashboard);
        }
        catch (Exception error) when (dashboard.Serves && error is not Contracts.UserErrorException)
        {
            var absent = LiveDashboard.Absent("no silo answered when this view started (" + (error is OperationCanceledException
                ? $"none within {DashboardPatience.TotalSeconds:0} s" : error.Message.ReplaceLineEndings(" ")) + ")");
            return await StartServingAsync(endpoint, token, store, sweepId, sweepDirectory, absent);
        }
    }

    private static async Task<LiveServer> StartServingAsync(LiveEndpoint endpoint, LiveToken? token, ISweepStore store,
        string sweepId, string sweepDirectory, LiveDashboard dashboard)
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
        builder.Services.AddSingleton(provider => new LiveSweepFeed(store, sweepId, sweepDirectory,
            dashboard.Note, TimeProvider.System, provider.GetRequiredService<ILogger<LiveSweepFeed>>()));
        builder.Services.AddHostedService(provider => provider.GetRequiredService<LiveSweepFeed>());
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
        var stopping = app.Lifetime.ApplicationStopping;
        app.MapGet("/", (LiveSweepFeed feed) => Results.Content(feed.Latest.Page, "text/html; charset=utf-8"));
        app.MapGet("/events", (HttpContext context, LiveSweepFeed feed) => LiveEvents.StreamAsync(context, feed, stopping));
        app.MapGet("/health", (LiveSweepFeed feed) => Results.Json(new
        {
            sweep = sweepId, version = feed.Latest.Version, subscribers = feed.Subscribers, renders = feed.Renders,
        }));
        dashboard.MapTo(app);

        await app.Services.GetRequiredService<LiveSweepFeed>().StartFeedAsync(CancellationToken.None);
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
            await Feed.FlushAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The store is gone or broken: the pages keep what they were last sent.
        }
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
