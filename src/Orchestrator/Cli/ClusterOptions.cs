using System.CommandLine;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary>The options that name a cluster. The connection string may carry a password: setting it in
/// SWEEP_CLUSTER (or <c>Cluster:Redis</c> in appsettings.json) keeps it out of the process list.</summary>
public sealed class ClusterOptions
{
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = $"The cluster's Redis, e.g. host:6379,password=... (default: ${ClusterConnection.EnvironmentVariable}, then {RedisKey} in {SweepSettings.FileName}).",
    };

    public Option<string?> ClusterId { get; } = new("--cluster-id")
    {
        Description = $"Keeps several clusters on one Redis apart (default: {IdKey} in {SweepSettings.FileName}, else {ClusterConnection.DefaultId}).",
    };

    public const string RedisKey = "Cluster:Redis";
    public const string IdKey = "Cluster:Id";

    public void AddTo(Command command)
    {
        command.Options.Add(Cluster);
        command.Options.Add(ClusterId);
    }

    /// <summary>The cluster asked for, or null to run on this machine alone.</summary>
    public ClusterConnection? Of(ParseResult parse) => Of(parse, SweepSettings.Load(Environment.CurrentDirectory));

    public ClusterConnection? Of(ParseResult parse, SweepSettings settings) =>
        (parse.GetValue(Cluster) ?? Environment.GetEnvironmentVariable(ClusterConnection.EnvironmentVariable)
            ?? settings[RedisKey]) is { Length: > 0 } cs
            ? new ClusterConnection(cs, parse.GetValue(ClusterId) ?? settings[IdKey] ?? ClusterConnection.DefaultId)
            : null;

    /// <summary>The cluster for a command whose argument is a sweep directory here or a cluster sweep's id: none when
    /// it names a sweep directory of this host and --cluster was not given, so that a cluster set only in
    /// SWEEP_CLUSTER or the settings file does not hide a run of this host named on the command line.</summary>
    public ClusterConnection? ForSweepArgument(ParseResult parse, SweepSettings settings, string? argument) =>
        parse.GetValue(Cluster) is null && argument is not null && SweepDirectory.Holds(argument)
            ? null
            : Of(parse, settings);

    /// <summary>For commands that only make sense on a cluster.</summary>
    public ClusterConnection Required(ParseResult parse) => Required(parse, SweepSettings.Load(Environment.CurrentDirectory));

    public ClusterConnection Required(ParseResult parse, SweepSettings settings) => Of(parse, settings)
        ?? throw new Contracts.UserErrorException($"--cluster: expected the cluster's Redis (or {ClusterConnection.EnvironmentVariable}), found neither");
}
