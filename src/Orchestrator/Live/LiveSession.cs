using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Live;

/// <summary>Starts the live view of one sweep and says where it is. A generated token is printed once, in the URL;
/// a configured one is not printed at all.</summary>
public static class LiveSession
{
    public static async Task<LiveServer> StartAsync(LiveEndpoint endpoint, (LiveToken? Token, bool Generated) access,
        ISweepStore store, string sweepId, string sweepDirectory, LiveDashboard dashboard) =>
        Announce(await LiveServer.StartAsync(endpoint, access.Token, store, sweepId, sweepDirectory, dashboard), endpoint, access, dashboard);

    /// <summary>The index of a cluster's sweeps, each opening its live page.</summary>
    public static async Task<LiveServer> StartIndexAsync(LiveEndpoint endpoint, (LiveToken? Token, bool Generated) access,
        ISweepStore store, ClusterIndex index, LiveDashboard dashboard) =>
        Announce(await LiveServer.StartIndexAsync(endpoint, access.Token, store, index, dashboard), endpoint, access, dashboard);

    private static LiveServer Announce(LiveServer server, LiveEndpoint endpoint, (LiveToken? Token, bool Generated) access,
        LiveDashboard dashboard)
    {
        var url = access.Token is { } token && !access.Generated ? server.Url.Replace(token.Value, "<" + LiveToken.SettingKey + ">") : server.Url;
        Console.WriteLine($"Live view: {url} (read-only{(endpoint.NeedsToken ? ", token required" : ", this machine only")})");
        if (dashboard.Serves && server.Dashboard.Absence is { } absence)
            Console.WriteLine($"No Orleans Dashboard at /dashboard: {absence}");
        return server;
    }

    /// <summary>For <c>run</c> and <c>resume</c>: what opens the live view once the run's silo listens on its gateway
    /// port, so that <c>/dashboard</c> shows it; null when <paramref name="endpoint"/> does not ask for one.</summary>
    public static Func<int, Task<IAsyncDisposable>>? OnceSiloRuns(LiveEndpoint? endpoint,
        (LiveToken? Token, bool Generated) access, ISweepStore store, string sweepId, string sweepDirectory) =>
        endpoint is null
            ? null
            : async gatewayPort => await StartAsync(endpoint, access, store, sweepId, sweepDirectory,
                LiveDashboard.OfLocalSilo(gatewayPort));
}
