using StackExchange.Redis;

namespace Sweep.Orchestrator.Storage.Redis;

/// <summary>The catalog beside the sweeps' keys: a hash of sweep id → state and a sorted set by submission time.</summary>
public sealed class RedisSweepCatalog(IConnectionMultiplexer redis, string keyPrefix = RedisSweepStore.DefaultKeyPrefix)
    : ISweepCatalog
{
    private const string End = """
        if redis.call('HGET', KEYS[1], ARGV[1]) ~= 'Active' then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return 1
        """;

    private RedisKey States => $"{keyPrefix}:catalog:states";
    private RedisKey Order => $"{keyPrefix}:catalog:order";
    private IDatabase Database => redis.GetDatabase();

    public async Task RegisterAsync(string sweepId, DateTimeOffset submittedAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = Database.CreateTransaction();
        _ = transaction.HashSetAsync(States, sweepId, nameof(SweepLifecycle.Active));
        _ = transaction.SortedSetAddAsync(Order, sweepId, submittedAt.UtcTicks);
        await transaction.ExecuteAsync();
    }

    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var order = await Database.SortedSetRangeByRankWithScoresAsync(Order);
        var states = (await Database.HashGetAllAsync(States)).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        return order
            .Where(entry => states.ContainsKey(entry.Element.ToString()))
            .Select(entry => new CatalogEntry(entry.Element.ToString(),
                Enum.Parse<SweepLifecycle>(states[entry.Element.ToString()]),
                new DateTimeOffset(checked((long)entry.Score), TimeSpan.Zero)))
            .ToList();
    }

    public async Task<bool> EndAsync(string sweepId, SweepLifecycle state, CancellationToken cancellationToken = default)
    {
        if (state == SweepLifecycle.Active)
            throw new ArgumentOutOfRangeException(nameof(state), state, "a sweep ends cancelled or finished");
        cancellationToken.ThrowIfCancellationRequested();
        var ended = await Database.ScriptEvaluateAsync(End, [States], [sweepId, state.ToString()]);
        return (long)ended == 1;
    }
}
