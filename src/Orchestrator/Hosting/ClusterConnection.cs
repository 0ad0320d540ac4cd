using StackExchange.Redis;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage.Redis;

namespace Sweep.Orchestrator.Hosting;

/// <summary>How to reach a cluster: its Redis (membership, sweeps, checkpoints) and the ids that keep several
/// clusters on one Redis apart. The connection string may hold a password, so only <see cref="Redacted"/> is ever
/// shown.</summary>
public sealed record ClusterConnection(string ConnectionString, string ClusterId = ClusterConnection.DefaultId)
{
    public const string DefaultId = "sweep";
    public const string EnvironmentVariable = "SWEEP_CLUSTER";

    public string Redacted => RedactedConnectionString.Of(ConnectionString);

    /// <summary>Every key of this cluster's sweeps starts with it.</summary>
    public string KeyPrefix => $"sweep:{ClusterId}";

    public ConfigurationOptions Options()
    {
        try
        {
            var options = ConfigurationOptions.Parse(ConnectionString);
            options.AbortOnConnectFail = false;
            return options;
        }
        catch (ArgumentException error)
        {
            throw new UserErrorException($"--cluster {Redacted}: expected a Redis connection string such as host:6379,password=..., found one that does not parse ({error.Message})");
        }
    }

    /// <summary>Connects, or ends the command with one line naming the address tried (without the password).</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var options = Options();
        var redis = await ConnectionMultiplexer.ConnectAsync(options);
        try
        {
            await redis.GetDatabase().PingAsync();
            return redis;
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            await redis.DisposeAsync();
            throw new UserErrorException($"--cluster {Redacted}: cannot reach Redis there ({RedactedConnectionString.Scrub(error.Message, options).ReplaceLineEndings(" ")})");
        }
    }
}
