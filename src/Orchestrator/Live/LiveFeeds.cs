using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace Sweep.Orchestrator.Live;

/// <summary>The feeds a live view serves, one per sweep: each starts polling when its page is first asked for and
/// stops with the view. A sweep the store does not hold gets no feed, so asking for made-up ids keeps nothing.</summary>
public sealed class LiveFeeds(Func<string, LiveSweepFeed> create) : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LiveSweepFeed?>>> feeds = new();

    /// <summary>The sweep's feed, or null when the store holds no sweep of that id.</summary>
    public async Task<LiveSweepFeed?> FeedAsync(string sweepId, CancellationToken cancellation)
    {
        var started = feeds.GetOrAdd(sweepId, id => new Lazy<Task<LiveSweepFeed?>>(() => StartFeedAsync(id)));
        var feed = await started.Value.WaitAsync(cancellation);
        if (feed is null)
            feeds.TryRemove(new KeyValuePair<string, Lazy<Task<LiveSweepFeed?>>>(sweepId, started));
        return feed;
    }

    private async Task<LiveSweepFeed?> StartFeedAsync(string sweepId)
    {
        var feed = create(sweepId);
        try
        {
            if (!await feed.RefreshAsync(CancellationToken.None))
            {
                feed.Dispose();
                return null;
            }
        }
        catch
        {
            feed.Dispose();
            throw;
        }
        await feed.StartAsync(CancellationToken.None);
        return feed;
    }

    /// <summary>Reads every store once more and gives the open pages up to <paramref name="patience"/> to be sent it.</summary>
    public Task FlushAsync(TimeSpan patience, CancellationToken cancellation) =>
        Task.WhenAll(Started().Select(feed => feed.FlushAsync(patience, cancellation)));

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var feed in Started())
        {
            await feed.StopAsync(cancellationToken);
            feed.Dispose();
        }
        feeds.Clear();
    }

    /// <summary>A host that failed to start never stops its services; its feeds end here.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private IEnumerable<LiveSweepFeed> Started() =>
        feeds.Values.Where(f => f.IsValueCreated && f.Value.IsCompletedSuccessfully && f.Value.Result is not null)
            .Select(f => f.Value.Result!);
}
