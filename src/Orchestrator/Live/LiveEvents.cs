using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Sweep.Orchestrator.Live;

/// <summary>The <c>/events</c> stream of one client: the sections it lacks, then each change as the feed renders
/// it, with a comment line every few seconds so a connection the browser dropped is noticed and let go.</summary>
public static class LiveEvents
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(5);

    public static async Task StreamAsync(HttpContext context, LiveSweepFeed feed, CancellationToken stopping)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellation = ended.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        var shown = feed.Find(ShownVersion(context.Request) ?? -1);
        var versions = new SectionVersions(shown?.Sections);
        using var subscription = feed.Subscribe();
        try
        {
            await response.WriteAsync(": connected\n\n", cancellation);
            await response.Body.FlushAsync(cancellation);
            var snapshot = feed.Latest;
            while (!cancellation.IsCancellationRequested)
            {
                var changed = versions.TakeChanged(snapshot.Sections);
                await response.WriteAsync(changed.Count > 0 ? Message(snapshot.Version, changed) : ": keep-alive\n\n", cancellation);
                await response.Body.FlushAsync(cancellation);
                subscription.Sent(snapshot.Version);
                snapshot = await feed.NextAsync(snapshot.Version, KeepAlive, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The browser went away or the server stops: nothing to send, nothing kept.
        }
    }

    /// <summary>The version the page was rendered at, or, on a reconnect, the last update the browser applied.</summary>
    private static long? ShownVersion(HttpRequest request) =>
        long.TryParse(request.Headers["Last-Event-ID"].FirstOrDefault() ?? request.Query["v"].FirstOrDefault(), out var v)
            ? v : null;

    public static string Message(long version, IEnumerable<LiveSection> sections) =>
        $"id: {version}\nevent: sections\ndata: {JsonSerializer.Serialize(sections.Select(s => new { id = s.Id, html = s.Html }))}\n\n";
}
