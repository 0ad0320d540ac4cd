using System.CommandLine;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Storage.Redis;

namespace Sweep.Orchestrator.Cli;

/// <summary>Lets status, export and report read a cluster's sweep: with <c>--cluster</c> their argument is the
/// sweep's id, and the sweep is pulled into a sweep directory (a temporary one unless a folder is given) that
/// they then read as they read one run here.</summary>
public sealed class ClusterSweepCopy : IDisposable
{
    private readonly string? temporary;

    private ClusterSweepCopy(string directory, string? temporary) => (Directory, this.temporary) = (directory, temporary);

    /// <summary>The sweep directory to read.</summary>
    public string Directory { get; }

    /// <param name="keepUnder">Where a pulled copy stays; null pulls into a temporary folder removed on dispose.</param>
    public static async Task<ClusterSweepCopy> OpenAsync(ClusterOptions cluster, ParseResult parse,
        DirectoryInfo argument, string? keepUnder = null)
    {
        var settings = SweepSettings.Load(Environment.CurrentDirectory);
        if (cluster.ForSweepArgument(parse, settings, argument.FullName) is not { } connection)
            return new ClusterSweepCopy(argument.FullName, null);
        var root = keepUnder ?? Path.Combine(Path.GetTempPath(), "sweep-pull-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var redis = await connection.ConnectAsync();
            var directory = await SweepPull.PullAsync(new RedisSweepStore(redis, connection.KeyPrefix), argument.Name,
                root, CancellationToken.None);
            return new ClusterSweepCopy(directory, keepUnder is null ? root : null);
        }
        catch when (keepUnder is null)
        {
            Remove(root);
            throw;
        }
    }

    public void Dispose()
    {
        if (temporary is not null)
            Remove(temporary);
    }

    private static void Remove(string root)
    {
        if (System.IO.Directory.Exists(root))
            System.IO.Directory.Delete(root, recursive: true);
    }
}
