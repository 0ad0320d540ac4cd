using System.Globalization;
using StackExchange.Redis;
using Sweep.Orchestrator.Scheduling;
using Sweep.Trials.Checkpoints;

namespace Sweep.Orchestrator.Storage.Redis;

/// <summary>A cluster's checkpoints in Redis, beside the trial they belong to: a copy is written only while its
/// writer holds the trial's lease (checked in the same script, against the store's record), and only the newest
/// two epochs of a trial are kept.</summary>
public sealed class RedisCheckpointShelf(IConnectionMultiplexer redis, string keyPrefix = RedisSweepStore.DefaultKeyPrefix)
    : ICheckpointShelf
{
    private const int EpochsKept = 2;

    /// <summary>KEYS: trial, its checkpoints. ARGV: writer, field (epoch:writer), bytes, epochs kept.</summary>
    private const string Keep = """
        local trial = redis.call('HMGET', KEYS[1], 'state', 'leaseOwner')
        if trial[1] ~= 'Running' or trial[2] ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
        local epochs = {}
        for _, field in ipairs(redis.call('HKEYS', KEYS[2])) do
            table.insert(epochs, {tonumber(string.match(field, '^(%d+):')), field})
        end
        table.sort(epochs, function(a, b) return a[1] > b[1] end)
        local distinct, last = 0, nil
        for _, entry in ipairs(epochs) do
            if entry[1] ~= last then distinct = distinct + 1; last = entry[1] end
            if distinct > tonumber(ARGV[4]) then redis.call('HDEL', KEYS[2], entry[2]) end
        end
        return 1
        """;

    private IDatabase Database => redis.GetDatabase();

    public async Task<bool> KeepAsync(string sweepId, int trialIndex, string writer, int epoch, string file,
        CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var keys = new RedisKeys(keyPrefix, sweepId);
        var kept = await Database.ScriptEvaluateAsync(Keep, [keys.Trial(trialIndex), keys.Checkpoints(trialIndex)],
            [writer, Field(epoch, writer), bytes, EpochsKept]);
        return (long)kept == 1;
    }

    public async Task FetchAsync(string sweepId, int trialIndex, IReadOnlyList<CheckpointRef> accepted,
        string directory, CancellationToken cancellationToken)
    {
        var keys = new RedisKeys(keyPrefix, sweepId);
        var fetched = 0;
        foreach (var checkpoint in accepted.OrderByDescending(c => c.Epoch))
        {
            if (fetched == EpochsKept)
                return;
            var path = Path.Combine(directory, CheckpointStore.FileName(checkpoint.Epoch, checkpoint.Writer));
            if (File.Exists(path))
            {
                fetched++;
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = await Database.HashGetAsync(keys.Checkpoints(trialIndex), Field(checkpoint.Epoch, checkpoint.Writer));
            if (bytes.IsNull)
                continue;
            Directory.CreateDirectory(directory);
            var temporary = $"{path}.{Guid.NewGuid():N}.fetch";
            await File.WriteAllBytesAsync(temporary, (byte[])bytes!, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            fetched++;
        }
    }

    private static string Field(int epoch, string writer) =>
        $"{epoch.ToString(CultureInfo.InvariantCulture)}:{writer}";
}
