using System.CommandLine;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Live;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Storage.Redis;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep serve DIR</c>: the live view of a sweep directory, running or finished, until Ctrl-C. With
/// <c>--cluster</c>, of a cluster's sweep, read from its Redis.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var directory = new Argument<string?>("sweep-dir")
        {
            Description = "The sweep directory (with --cluster: a sweep's id, sweep list shows them; without one, the cluster's sweeps are listed).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var serve = new ServeOptions(withSwitch: false);
        var cluster = new ClusterOptions();
        var command = new Command("serve", "Serve a sweep's report as a live page that follows the sweep's store (read-only).") { directory };
        serve.AddTo(command);
        cluster.AddTo(command);
        command.SetAction((parse, _) => UserErrors.Guard(async () =>
        {
            var endpoint = serve.Of(parse)!;
            var settings = SweepSettings.Load(Environment.CurrentDirectory);
            var access = ServeOptions.TokenFor(endpoint, settings);
            if (cluster.ForSweepArgument(parse, settings, parse.GetValue(directory)) is { } connection)
                return await ServeClusterAsync(connection, parse.GetValue(directory), endpoint, access);
            var path = Path.GetFullPath(parse.GetValue(directory)
                ?? throw new Contracts.UserErrorException("sweep-dir: expected the sweep directory to serve (or --cluster … to list a cluster's sweeps)"));
            var (sweep, store) = await SweepDirectory.ReadExistingAsync(path, CancellationToken.None);
            await using var _ = store;
            await using var server = await LiveSession.StartAsync(endpoint, access, store, sweep.Id, path, LiveDashboard.OfStoreOnly);
            return await UntilStoppedAsync();
        }));
        return command;
    }

    private static async Task<int> ServeClusterAsync(ClusterConnection connection, string? sweepId, LiveEndpoint endpoint,
        (LiveToken?, bool) access)
    {
        using var redis = await connection.ConnectAsync();
        var store = new RedisSweepStore(redis, connection.KeyPrefix);
        if (sweepId is null)
        {
            var index = new ClusterIndex(connection.ClusterId, new RedisSweepCatalog(redis, connection.KeyPrefix), Environment.CurrentDirectory);
            await using var listing = await LiveSession.StartIndexAsync(endpoint, access, store, index, LiveDashboard.OfCluster(connection));
            return await UntilStoppedAsync();
        }
        if (await store.GetSweepAsync(sweepId) is null)
            throw new Contracts.UserErrorException($"{sweepId}: expected a sweep of cluster {connection.ClusterId} (sweep list shows them)");
        await using var server = await LiveSession.StartAsync(endpoint, access, store, sweepId, Environment.CurrentDirectory,
            LiveDashboard.OfCluster(connection));
        return await UntilStoppedAsync();
    }

    /// <summary>Serving is read-only, so Ctrl-C or SIGTERM simply ends it, closing the store as any reader does.</summary>
    private static async Task<int> UntilStoppedAsync()
    {
        var stopped = new TaskCompletionSource();
        void Stop(System.Runtime.InteropServices.PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
        await stopped.Task;
        return 0;
    }
}
