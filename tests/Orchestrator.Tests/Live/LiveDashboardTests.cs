using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using Sweep.Orchestrator.Live;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Tests.Storage;

namespace Sweep.Orchestrator.Tests.Live;

/// <summary>The live view's <c>/dashboard</c> against a real silo on loopback ports, as <c>run --serve</c> has it.</summary>
public class LiveDashboardTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A silo with the dashboard's grains, as the sweep hosts run it.</summary>
    private static async Task<IHost> StartSiloAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: gatewayPort).AddDashboard());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>The silos the dashboard reports, once it has: its grain gathers them about once a second.</summary>
    private static async Task<List<JsonElement>> ReportedHostsAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var counters = JsonDocument.Parse(await client.GetStringAsync("dashboard/DashboardCounters")).RootElement.Clone();
            var hosts = counters.GetProperty("hosts").EnumerateArray().ToList();
            if (hosts.Count > 0 || DateTime.UtcNow > deadline)
                return hosts;
            await Task.Delay(200);
        }
    }

    private static async Task<ISweepStore> StoreAsync(TempDirectory directory) =>
        await LiveFixtures.SqliteSweepWithRunningTrialAsync(directory.Path);

    [Fact]
    public async Task WithTheRunsSilo_ServesItsOrleansDashboard_AndThePageLinksIt()
    {
        var gatewayPort = FreePort();
        using var silo = await StartSiloAsync(gatewayPort);
        using var directory = new TempDirectory();
        await using var store = await StoreAsync(directory);
        await using var server = await LiveServer.StartAsync(LiveEndpoint.Parse(0, null), null, store,
            LiveFixtures.SweepId, directory.Path, LiveDashboard.OfLocalSilo(gatewayPort));
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };

        Assert.True(server.Dashboard.Serves);
        Assert.Contains("<title>Orleans Dashboard</title>", await client.GetStringAsync("dashboard"));
        var host = Assert.Single(await ReportedHostsAsync(client));
        Assert.Equal("Active", host.GetProperty("status").GetString());
        Assert.Contains("href=\"/dashboard/\"", await client.GetStringAsync(""));
        await silo.StopAsync();
    }

    [Fact]
    public async Task BoundToEveryAddress_TheDashboardNeedsTheTokenToo()
    {
        var gatewayPort = FreePort();
        using var silo = await StartSiloAsync(gatewayPort);
        using var directory = new TempDirectory();
        await using var store = await StoreAsync(directory);
        var token = LiveToken.Generate();
        await using var server = await LiveServer.StartAsync(LiveEndpoint.Parse(0, "0.0.0.0"), token, store,
            LiveFixtures.SweepId, directory.Path, LiveDashboard.OfLocalSilo(gatewayPort));
        using var client = new HttpClient { BaseAddress = new Uri(new Uri(server.Url), "/") };

        foreach (var path in new[] { "dashboard/", "dashboard/index.min.js", "dashboard/DashboardCounters" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new("Bearer", token.Value);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
        await silo.StopAsync();
    }

    [Fact]
    public async Task WithNoSiloToReach_ServesTheSweep_AndTheDashboardPageSaysWhy()
    {
        using var directory = new TempDirectory();
        await using var store = await StoreAsync(directory);
        await using var server = await LiveServer.StartAsync(LiveEndpoint.Parse(0, null), null, store,
            LiveFixtures.SweepId, directory.Path, LiveDashboard.OfLocalSilo(FreePort()));
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };

        Assert.False(server.Dashboard.Serves);
        Assert.Contains("id=\"live\"", await client.GetStringAsync(""));
        var page = await client.GetStringAsync("dashboard");
        Assert.Contains("No Orleans Dashboard here: no silo answered when this view started", page);
        Assert.DoesNotContain("<title>Orleans Dashboard</title>", page);
    }
}
