using System.Net;
using System.Text.Json;
using Sweep.Orchestrator.Live;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Tests.Storage;

namespace Sweep.Orchestrator.Tests.Live;

/// <summary>The real web host on a free loopback port: every request goes to 127.0.0.1.</summary>
public class LiveServerTests
{
    private static async Task<JsonElement> HealthAsync(HttpClient client, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "health");
        if (bearer is not null)
            request.Headers.Authorization = new("Bearer", bearer);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<int> SubscribersAfterAsync(HttpClient client, int expected, string? bearer = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int count;
        while ((count = (await HealthAsync(client, bearer)).GetProperty("subscribers").GetInt32()) != expected
            && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        return count;
    }

    [Fact]
    public async Task Events_SendSectionsThenTheChangedOnes_AndADroppedStreamLeavesNoSubscriber()
    {
        using var directory = new TempDirectory();
        await using var store = await LiveFixtures.SqliteSweepWithRunningTrialAsync(directory.Path);
        await using var server = await LiveServer.StartAsync(LiveEndpoint.Parse(0, null), null, store,
            LiveFixtures.SweepId, directory.Path);
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };

        var page = await client.GetStringAsync("");
        Assert.Contains("id=\"live\"", page);
        using (var stream = await client.GetStreamAsync("events?v=1"))
        using (var reader = new StreamReader(stream))
        {
            Assert.Equal(": connected", await reader.ReadLineAsync());
            Assert.Equal(1, await SubscribersAfterAsync(client, 1));
            await LiveFixtures.EpochAsync(store, 1);
            var update = await ReadEventAsync(reader);
            Assert.StartsWith("id: 2", update);
            var sections = JsonDocument.Parse(update.Split("data: ")[1]).RootElement;
            var ids = sections.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
            Assert.Contains("live", ids);
            // Sections no epoch of a running trial touches are not sent again.
            Assert.DoesNotContain("sanity", ids);
            Assert.Contains("live-epoch\\u0022\\u003E1", update);
        }

        Assert.Equal(0, await SubscribersAfterAsync(client, 0));
        using var post = await client.PostAsync("", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task Stopping_SendsAnOpenPageTheStoresLastStateBeforeTheStreamEnds()
    {
        using var directory = new TempDirectory();
        await using var store = await LiveFixtures.SqliteSweepWithRunningTrialAsync(directory.Path);
        var server = await LiveServer.StartAsync(LiveEndpoint.Parse(0, null), null, store,
            LiveFixtures.SweepId, directory.Path);
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        using var stream = await client.GetStreamAsync("events?v=1");
        using var reader = new StreamReader(stream);
        Assert.Equal(": connected", await reader.ReadLineAsync());
        Assert.Equal(1, await SubscribersAfterAsync(client, 1));

        Assert.True(await LiveFixtures.EpochAsync(store, 1));
        var stopping = server.DisposeAsync().AsTask();
        var rest = await reader.ReadToEndAsync();
        await stopping;

        var last = rest.Split("\n\n").Last(e => e.StartsWith("id:", StringComparison.Ordinal));
        Assert.Contains("live-epoch\\u0022\\u003E1", last);
    }

    [Fact]
    public async Task BoundToEveryAddress_RefusesRequestsWithoutTheToken()
    {
        using var directory = new TempDirectory();
        await using var store = await LiveFixtures.SqliteSweepWithRunningTrialAsync(directory.Path);
        var token = LiveToken.Generate();
        await using var server = await LiveServer.StartAsync(LiveEndpoint.Parse(0, "0.0.0.0"), token, store,
            LiveFixtures.SweepId, directory.Path);
        Assert.StartsWith("http://127.0.0.1:", server.Url);
        Assert.EndsWith($"/?token={token.Value}", server.Url);
        var root = new Uri(new Uri(server.Url), "/");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = root };

        foreach (var path in new[] { "", "events", "health", "dashboard", "events?token=wrong" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);

        using var withToken = await client.GetAsync($"?token={token.Value}");
        Assert.Equal(HttpStatusCode.Found, withToken.StatusCode);
        var cookie = withToken.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie.ToLowerInvariant());
        using var request = new HttpRequestMessage(HttpMethod.Get, "");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(LiveFixtures.SweepId, (await HealthAsync(client, token.Value)).GetProperty("sweep").GetString());
    }

    [Fact]
    public async Task OnLoopback_AnswersOnlyToLoopbackNames()
    {
        using var directory = new TempDirectory();
        await using var store = await LiveFixtures.SqliteSweepWithRunningTrialAsync(directory.Path);
        await using var server = await LiveServer.StartAsync(LiveEndpoint.Parse(0, null), null, store,
            LiveFixtures.SweepId, directory.Path);
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "");
        rebound.Headers.Host = "attacker.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(rebound)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("")).StatusCode);
    }

    /// <summary>The next event (not a comment) of the stream, its lines joined.</summary>
    private static async Task<string> ReadEventAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var lines = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.Length == 0)
            {
                if (lines.Count > 0 && lines.Any(l => l.StartsWith("id:", StringComparison.Ordinal)))
                    return string.Join("\n", lines);
                lines.Clear();
                continue;
            }
            if (!line.StartsWith(':'))
                lines.Add(line);
        }
    }
}
