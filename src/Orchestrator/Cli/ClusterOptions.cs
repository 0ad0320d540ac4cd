using System.CommandLine;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Cli;

/// <summary>The options that name a cluster. The connection string may carry a password: setting it in
/// SWEEP_CLUSTER keeps it out of the process list.</summary>
public sealed class ClusterOptions
{
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = $"The cluster's Redis, e.g. host:6379,password=... (default: ${ClusterConnection.EnvironmentVariable}).",
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "Keeps several clusters on one Redis apart.",
        DefaultValueFactory = _ => ClusterConnection.DefaultId,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Cluster);
        command.Options.Add(ClusterId);
    }

    /// <summary>The cluster asked for, or null to run on this machine alone.</summary>
    public ClusterConnection? Of(ParseResult parse) =>
        (parse.GetValue(Cluster) ?? Environment.GetEnvironmentVariable(ClusterConnection.EnvironmentVariable)) is { Length: > 0 } cs
            ? new ClusterConnection(cs, parse.GetValue(ClusterId)!)
            : null;

    /// <summary>For commands that only make sense on a cluster.</summary>
    public ClusterConnection Required(ParseResult parse) => Of(parse)
        ?? throw new Contracts.UserErrorException($"--cluster: expected the cluster's Redis (or {ClusterConnection.EnvironmentVariable}), found neither");
}
