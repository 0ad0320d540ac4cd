using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Live;

/// <summary>Starts the live view of one sweep and says where it is. A generated token is printed once, in the URL;
/// a configured one is not printed at all.</summary>
public static class LiveSession
{
    public static async Task<LiveServer> StartAsync(LiveEndpoint endpoint, (LiveToken? Token, bool Generated) access,
        ISweepStore store, string sweepId, string sweepDirectory)
    {
        var server = await LiveServer.StartAsync(endpoint, access.Token, store, sweepId, sweepDirectory);
        var url = access.Token is { } token && !access.Generated ? server.Url.Replace(token.Value, "<" + LiveToken.SettingKey + ">") : server.Url;
        Console.WriteLine($"Live view: {url} (read-only{(endpoint.NeedsToken ? ", token required" : ", this machine only")})");
        return server;
    }

    /// <summary>Runs <paramref name="run"/> with the live view open when <paramref name="endpoint"/> asks for it.</summary>
    public static async Task<int> AroundAsync(LiveEndpoint? endpoint, (LiveToken? Token, bool Generated) access,
        ISweepStore store, string sweepId, string sweepDirectory, Func<Task<int>> run)
    {
        if (endpoint is null)
            return await run();
        await using var server = await StartAsync(endpoint, access, store, sweepId, sweepDirectory);
        return await run();
    }
}
