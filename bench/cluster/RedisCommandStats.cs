using System.Globalization;
using StackExchange.Redis;

namespace Sweep.ClusterBench;

/// <summary>One command's count and the server time it took, from <c>INFO commandstats</c>.</summary>
public sealed record CommandCost(string Command, long Calls, long Microseconds);

/// <summary>What the server ran between a reset and a read of its statistics: where the cluster's time goes on the
/// Redis side, and how many calls each trial cost. Redis counts the commands a Lua script runs as well as the
/// EVALSHA that ran it; the benchmark tells the two apart by command (<see cref="ScriptedCommands"/>).</summary>
public static class RedisCommandStats
{
    /// <summary>Commands that only the store's scripts send (EXISTS, HGET, HMGET, HSET, HSETNX, HINCRBY, HDEL, HKEYS,
    /// ZADD); the client itself sends EVALSHA, HGETALL, ZRANGE, PING and, for Orleans' membership, a few more.
    /// HGETALL is both: the lease script returns the trial with it.</summary>
    public static readonly string[] ScriptedCommands = ["exists", "hget", "hmget", "hset", "hsetnx", "hincrby", "hdel", "hkeys", "zadd"];

    public static Task ResetAsync(IServer server) => server.ConfigResetStatisticsAsync();

    public static async Task<IReadOnlyList<CommandCost>> ReadAsync(IServer server)
    {
        var sections = await server.InfoAsync("commandstats");
        return
        [
            .. sections.SelectMany(section => section)
                .Where(entry => entry.Key.StartsWith("cmdstat_", StringComparison.Ordinal))
                .Select(entry => Parse(entry.Key["cmdstat_".Length..], entry.Value))
                .OrderByDescending(cost => cost.Microseconds),
        ];
    }

    private static CommandCost Parse(string command, string value)
    {
        var fields = value.Split(',').Select(field => field.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        return new CommandCost(command, long.Parse(fields["calls"], CultureInfo.InvariantCulture),
            long.Parse(fields["usec"], CultureInfo.InvariantCulture));
    }
}
