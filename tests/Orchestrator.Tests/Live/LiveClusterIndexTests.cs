using System.Net;
using StackExchange.Redis;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Live;
using Sweep.Orchestrator.Storage.Redis;
using Sweep.Orchestrator.Tests.TestKit;

namespace Sweep.Orchestrator.Tests.Live;

/// <summary><c>sweep serve --cluster</c> without a sweep: the index of the cluster's sweeps on a Redis of the
/// test's own, each opening its live page, with no worker running.</summary>
public class LiveClusterIndexTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task ListsTheClustersSweeps_AndOpensEachAtItsOwnAddress()
    {
        var cluster = new ClusterConnection(redis.ConnectionString, "index-" + Guid.NewGuid().ToString("N")[..8]);
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var store = await LiveFixtures.SweepWithRunningTrialAsync(new RedisSweepStore(connection, cluster.KeyPrefix));
        var catalog = new RedisSweepCatalog(connection, cluster.KeyPrefix);
        await catalog.RegisterAsync(LiveFixtures.SweepId, DateTimeOffset.UtcNow);
        await using var server = await LiveServer.StartIndexAsync(LiveEndpoint.Parse(0, null), null, store,
            new ClusterIndex(cluster.ClusterId, catalog, Path.GetTempPath()), LiveDashboard.OfCluster(cluster));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.Url) };

        var index = await client.GetStringAsync("");
        Assert.Contains($"Sweeps of cluster {cluster.ClusterId}", index);
        Assert.Contains($"<a href=\"/sweeps/{LiveFixtures.SweepId}/\">{LiveFixtures.SweepId}</a>", index);
        Assert.Contains("synthetic-ofat", index);
        Assert.Contains($"0/{(await store.GetTrialsAsync(LiveFixtures.SweepId)).Count} finished", index);

        using var withoutSlash = await client.GetAsync($"sweeps/{LiveFixtures.SweepId}");
        Assert.Equal(HttpStatusCode.Redirect, withoutSlash.StatusCode);
        Assert.Equal($"/sweeps/{LiveFixtures.SweepId}/", withoutSlash.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync($"sweeps/{LiveFixtures.SweepId}/");
        Assert.Contains("id=\"live\"", page);
        Assert.Contains("every sweep of cluster", page);
        using (var stream = await client.GetStreamAsync($"sweeps/{LiveFixtures.SweepId}/events?v=1"))
        using (var reader = new StreamReader(stream))
            Assert.Equal(": connected", await reader.ReadLineAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("sweeps/no-such-sweep/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("sweeps/no-such-sweep/events")).StatusCode);
        Assert.False(server.Dashboard.Serves);
        Assert.Contains("no silo answered when this view started", await client.GetStringAsync("dashboard"));
    }
}
