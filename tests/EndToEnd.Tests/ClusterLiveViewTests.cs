using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sweep.EndToEnd.Tests;

/// <summary><c>sweep serve --cluster</c> against real workers: the index lists the submitted sweep and opens its
/// live page, and <c>/dashboard</c> is the Orleans Dashboard of the workers' silos.</summary>
public sealed partial class ClusterLiveViewTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task ServeCluster_ListsItsSweeps_AndTheDashboardShowsEveryWorkersSilo()
    {
        await using var rig = await ClusterRig.StartAsync("cluster-live", workers: 2);
        var spec = TestSpecs.Write(rig.Work, "live.yaml", TestSpecs.Ofat("cluster-live", epochs: 3));
        var (submitter, _, sweepId) = await rig.SubmitAsync(spec, threadsPerTrial: 1);
        using var _ = submitter;
        using var serve = rig.Start("serve", "--port", "0");
        try
        {
            await AssertServedAsync(serve, sweepId);
        }
        finally
        {
            serve.Kill();
            submitter.Kill();
        }
    }

    private async Task AssertServedAsync(Process serve, string sweepId)
    {
        var output = SweepProgram.Drain(serve);
        using var client = new HttpClient { BaseAddress = new Uri(await UrlAsync(serve, output)) };

        var index = await client.GetStringAsync("");
        Assert.Contains($"href=\"/sweeps/{sweepId}/\"", index);
        Assert.Contains("id=\"live\"", await client.GetStringAsync($"sweeps/{sweepId}/"));

        Assert.Contains("<title>Orleans Dashboard</title>", await client.GetStringAsync("dashboard/"));
        var deadline = Stopwatch.StartNew();
        var active = await ActiveSilosAsync(client);
        while (active.Count < 2 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(500);
            active = await ActiveSilosAsync(client);
        }
        Assert.Equal(2, active.Count);
        Assert.DoesNotContain("No Orleans Dashboard", output());
        Assert.Empty(await DashboardInBrowserProblemsAsync(client.BaseAddress!));
    }

    /// <summary>Script errors of the dashboard's page, and any request it makes beyond the live view's address.</summary>
    private async Task<List<string>> DashboardInBrowserProblemsAsync(Uri live)
    {
        var browser = await LiveBrowserPage.OpenAsync(chromium.Browser, new Uri(live, "dashboard/").AbsoluteUri);
        // The dashboard polls its counters every second: a few rounds of them.
        await browser.Page.WaitForTimeoutAsync(3000);
        Assert.Matches(new Regex(@"active silos\s+2\b", RegexOptions.IgnoreCase), await browser.Page.InnerTextAsync("body"));
        await browser.Page.CloseAsync();
        return [.. browser.Problems, .. browser.Requests.Where(url => !url.StartsWith(live.AbsoluteUri, StringComparison.Ordinal))
            .Select(url => $"request beyond the live view: {url}")];
    }

    /// <summary>The silos the dashboard reports active; its grain gathers them about once a second.</summary>
    private static async Task<List<string>> ActiveSilosAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("dashboard/DashboardCounters")).RootElement
            .GetProperty("hosts").EnumerateArray()
            .Where(h => h.GetProperty("status").GetString() == "Active")
            .Select(h => h.GetProperty("siloAddress").GetString()!).ToList();

    private static async Task<string> UrlAsync(Process serve, Func<string> output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (LiveUrl().Match(output()) is { Success: true } match)
                return match.Groups[1].Value;
            Assert.False(serve.HasExited, $"serve ended: {output()}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"serve printed no URL: {output()}");
    }

    [GeneratedRegex(@"Live view: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex LiveUrl();
}
