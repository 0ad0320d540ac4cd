using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sweep.Orchestrator.Live;

/// <summary>One sweep's routes, wherever they are mounted: <c>/</c> the page, <c>/events</c> its server-sent
/// updates, <c>/health</c> a JSON line of its feed. The page's script asks for <c>events</c> relative to the page,
/// so a page addressed without its trailing slash is sent to the address with it. (The handlers declare that they
/// return a result: an async lambda of an HttpContext alone would bind as a RequestDelegate and drop it.)</summary>
public static class LiveSweepRoutes
{
    public static void Map(IEndpointRouteBuilder routes, Func<HttpContext, string> sweepOf, LiveFeeds feeds,
        CancellationToken stopping)
    {
        routes.MapGet("/", async Task<IResult> (HttpContext context) =>
        {
            if (context.Request.Path.Value?.EndsWith('/') == false)
                return Results.Redirect($"{context.Request.PathBase}{context.Request.Path}/{context.Request.QueryString}");
            return await FeedAsync(context) is { } feed
                ? Results.Content(feed.Latest.Page, "text/html; charset=utf-8")
                : Unknown(context);
        });
        routes.MapGet("/events", async (HttpContext context) =>
        {
            if (await FeedAsync(context) is { } feed)
                await LiveEvents.StreamAsync(context, feed, stopping);
            else
                await Unknown(context).ExecuteAsync(context);
        });
        routes.MapGet("/health", async Task<IResult> (HttpContext context) => await FeedAsync(context) is { } feed
            ? Results.Json(new { sweep = sweepOf(context), version = feed.Latest.Version, subscribers = feed.Subscribers, renders = feed.Renders })
            : Unknown(context));

        Task<LiveSweepFeed?> FeedAsync(HttpContext context) => feeds.FeedAsync(sweepOf(context), context.RequestAborted);
    }

    private static IResult Unknown(HttpContext context) =>
        Results.NotFound($"The store holds no sweep {context.Request.RouteValues["sweep"]}; the index at / lists those it holds.\n");
}
