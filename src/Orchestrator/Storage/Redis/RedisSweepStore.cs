using StackExchange.Redis;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Trials.Training;
using static Sweep.Orchestrator.Storage.Redis.RedisRecords;

namespace Sweep.Orchestrator.Storage.Redis;

/// <summary>A sweep kept in Redis, so silos on several hosts share it without a shared file system. Each
/// conditional transition is one Lua script (<see cref="RedisScripts"/>) whose check and write Redis runs as one
/// step, so Redis alone decides who holds a trial, as SQLite's write lock does for the file store. Lease expiry is
/// compared with the caller's <c>now</c>, never Redis's clock, so both stores decide alike and tests can move time.
/// Reads are plain commands: each trial hash is read whole, but a listing is not one snapshot across trials.
/// <para>A command already sent is not abandoned when the caller's token is cancelled: a lease Redis granted must
/// reach the caller, or the trial would stay held by nobody until the lease expired.</para></summary>
public sealed class RedisSweepStore : ISweepStore
{
    public const string DefaultKeyPrefix = "sweep";

    private readonly IConnectionMultiplexer _redis;
    private readonly bool _ownsConnection;

    /// <summary>Uses a connection the caller already has (a silo's, say) and leaves it open on dispose, because
    /// others may still use it.</summary>
    public RedisSweepStore(IConnectionMultiplexer redis, string keyPrefix = DefaultKeyPrefix)
        : this(redis, keyPrefix, ownsConnection: false)
    {
    }

    private RedisSweepStore(IConnectionMultiplexer redis, string keyPrefix, bool ownsConnection)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        _redis = redis;
        _ownsConnection = ownsConnection;
        KeyPrefix = keyPrefix;
    }

    /// <summary>The first part of every key, so several deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; }

    /// <summary>Connects to the Redis that <paramref name="connectionString"/> names (StackExchange.Redis syntax,
    /// e.g. <c>host:6379,password=...</c>) and closes that connection when the store is disposed. A server that
    /// cannot be reached is reported with the endpoints tried and without the password.</summary>
    public static async Task<RedisSweepStore> ConnectAsync(string connectionString,
        string keyPrefix = DefaultKeyPrefix, CancellationToken cancellationToken = default)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        var connecting = ConnectionMultiplexer.ConnectAsync(options);
        ConnectionMultiplexer redis;
        try
        {
            redis = await connecting.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!connecting.IsCompleted)
        {
            _ = connecting.ContinueWith(connected => connected.Result.Dispose(), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            throw ConnectionFailed(options, error);
        }
        return new RedisSweepStore(redis, keyPrefix, ownsConnection: true);
    }

    public async Task CreateSweepAsync(SweepRecord sweep, CancellationToken cancellationToken = default)
    {
        var created = await RunAsync(RedisScripts.CreateSweep, [Keys(sweep.Id).Sweep], SweepFields(sweep),
            cancellationToken);
        if ((long)created == 0)
            throw StoreErrors.SweepExists(sweep.Id);
    }

    public async Task<SweepRecord?> GetSweepAsync(string sweepId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ReadSweep(await Database.HashGetAllAsync(Keys(sweepId).Sweep));
    }

    public async Task AddTrialsAsync(string sweepId, IReadOnlyList<PlannedTrial> trials,
        CancellationToken cancellationToken = default)
    {
        var keys = Keys(sweepId);
        var scriptKeys = new List<RedisKey>(trials.Count + 2) { keys.Sweep, keys.Trials };
        var args = new List<RedisValue>(2 * trials.Count);
        foreach (var trial in trials)
        {
            scriptKeys.Add(keys.Trial(trial.Index));
            args.Add(RedisKeys.Index(trial.Index));
            args.Add(PlanJson(trial));
        }
        var reply = (RedisResult[])(await RunAsync(RedisScripts.AddTrials, [.. scriptKeys], [.. args],
            cancellationToken))!;
        switch ((int)reply[0])
        {
            case 1:
                throw StoreErrors.UnknownSweep(sweepId);
            case 2:
                throw StoreErrors.TrialExists(sweepId, (int)reply[1]);
        }
    }

    public async Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string sweepId,
        CancellationToken cancellationToken = default)
    {
        var keys = Keys(sweepId);
        var indices = await IndicesAsync(keys, cancellationToken);
        var hashes = await Task.WhenAll(indices.Select(index => Database.HashGetAllAsync(keys.Trial(index))));
        return [.. hashes.Select(hash => ReadTrial(sweepId, hash)).OfType<TrialRecord>()];
    }

    public async Task<TrialRecord?> GetTrialAsync(string sweepId, int index,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ReadTrial(sweepId, await Database.HashGetAllAsync(Keys(sweepId).Trial(index)));
    }

    public async Task<TrialRecord?> TryLeaseAsync(string sweepId, int index, string owner, DateTimeOffset now,
        DateTimeOffset expiresAt, string? promotion = null, CancellationToken cancellationToken = default)
    {
        var keys = Keys(sweepId);
        var leased = await RunAsync(RedisScripts.Lease, [keys.Trial(index), keys.Epochs(index)],
            [owner, Time(now), Time(expiresAt), promotion ?? "promoted"], cancellationToken);
        return ReadTrial(sweepId, leased);
    }

    public Task<bool> RenewLeaseAsync(string sweepId, int index, string owner, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default) =>
        TransitionAsync(sweepId, index, TrialState.Running, owner, cancellationToken,
            (LeaseExpiresAt, Time(expiresAt)));

    public async Task<bool> AppendEpochAsync(string sweepId, int index, string owner, EpochMetrics metrics,
        StopDecision decision, CancellationToken cancellationToken = default)
    {
        var keys = Keys(sweepId);
        var appended = await RunAsync(RedisScripts.AppendEpoch, [keys.Trial(index), keys.Epochs(index)],
            [owner, RedisKeys.Index(metrics.Epoch), SweepJson.Serialize(metrics), decision.Action.ToString(),
                decision.Reason], cancellationToken);
        return (long)appended == 1;
    }

    public async Task<TrialRecord?> FinishAsync(string sweepId, int index, string owner, TrialState state,
        TrialResult? result, string? message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        StoreErrors.RequireFinished(state);
        return ReadTrial(sweepId, await TransitionedAsync(sweepId, index, TrialState.Running, owner, cancellationToken,
            (State, state.ToString()), (Result, ResultJson(result)), (Message, message), (FinishedAt, Time(now)),
            (LeaseOwner, null), (LeaseExpiresAt, null)));
    }

    public Task<bool> PauseAsync(string sweepId, int index, string owner, TrialResult? result, string message,
        CancellationToken cancellationToken = default) =>
        TransitionAsync(sweepId, index, TrialState.Running, owner, cancellationToken,
            (State, nameof(TrialState.Paused)), (Result, ResultJson(result)), (Message, message),
            (LeaseOwner, null), (LeaseExpiresAt, null));

    public Task<bool> ConcludePausedAsync(string sweepId, int index, string message, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        TransitionAsync(sweepId, index, TrialState.Paused, owner: null, cancellationToken,
            (State, nameof(TrialState.Pruned)), (Message, message), (FinishedAt, Time(now)));

    public async Task<bool> ReleaseAsync(string sweepId, int index, string owner, string? message,
        bool failed = false, CancellationToken cancellationToken = default)
    {
        var released = await RunAsync(RedisScripts.Release, [Keys(sweepId).Trial(index)],
            [owner, failed ? 1 : 0, Tagged(message)], cancellationToken);
        return (long)released == 1;
    }

    public Task<bool> RetryFailedAsync(string sweepId, int index, string message,
        CancellationToken cancellationToken = default) =>
        TransitionAsync(sweepId, index, TrialState.Failed, owner: null, cancellationToken,
            (State, nameof(TrialState.Pending)), (Failures, "0"), (Message, message), (Result, null),
            (FinishedAt, null));

    public async Task<IReadOnlyList<EpochRecord>> GetEpochsAsync(string sweepId, int? trialIndex = null,
        CancellationToken cancellationToken = default)
    {
        var keys = Keys(sweepId);
        IReadOnlyList<int> indices = trialIndex is { } index ? [index] : await IndicesAsync(keys, cancellationToken);
        var hashes = await Task.WhenAll(indices.Select(i => Database.HashGetAllAsync(keys.Epochs(i))));
        return [.. indices.Zip(hashes).SelectMany(trial => ReadEpochs(trial.First, trial.Second))];
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection)
            await _redis.DisposeAsync();
    }

    private IDatabase Database => _redis.GetDatabase();

    private RedisKeys Keys(string sweepId) => new(KeyPrefix, sweepId);

    private async Task<int[]> IndicesAsync(RedisKeys keys, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var members = await Database.SortedSetRangeByRankAsync(keys.Trials);
        return [.. members.Select(member => (int)member)];
    }

    /// <summary>StackExchange.Redis sends a script's SHA1 (EVALSHA) once the server has it, so the script text
    /// crosses the network only the first time on each connection.</summary>
    public async Task AddDecisionsAsync(string sweepId, IReadOnlyList<SearchDecision> decisions,
        CancellationToken cancellationToken = default)
    {
        if (decisions.Count == 0)
            return;
        var keys = Keys(sweepId);
        RedisValue[] args = [.. decisions.SelectMany(d => new RedisValue[] { d.Key, SweepJson.Serialize(d) })];
        await RunAsync(RedisScripts.AddDecisions, [keys.Decisions, keys.DecisionOrder], args, cancellationToken);
    }

    public async Task<IReadOnlyList<SearchDecision>> GetDecisionsAsync(string sweepId,
        CancellationToken cancellationToken = default)
    {
        var keys = Keys(sweepId);
        var order = await Database.ListRangeAsync(keys.DecisionOrder);
        if (order.Length == 0)
            return [];
        var values = await Database.HashGetAsync(keys.Decisions, order);
        return [.. values.Where(v => v.HasValue).Select(v => SweepJson.Deserialize<SearchDecision>(v.ToString()))];
    }

    private Task<RedisResult> RunAsync(string script, RedisKey[] keys, RedisValue[] args,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Database.ScriptEvaluateAsync(script, keys, args);
    }

    private async Task<bool> TransitionAsync(string sweepId, int index, TrialState from, string? owner,
        CancellationToken cancellationToken, params (string Field, string? Value)[] changes) =>
        !(await TransitionedAsync(sweepId, index, from, owner, cancellationToken, changes)).IsNull;

    /// <summary>Runs <see cref="RedisScripts.Transition"/>: the trial must be in <paramref name="from"/> (and held
    /// by <paramref name="owner"/> unless null); then each change sets its field, or deletes it when null. Returns
    /// the written trial's fields, or nil when refused.</summary>
    private async Task<RedisResult> TransitionedAsync(string sweepId, int index, TrialState from, string? owner,
        CancellationToken cancellationToken, params (string Field, string? Value)[] changes)
    {
        var sets = changes.Where(change => change.Value is not null).ToList();
        List<RedisValue> args = [from.ToString(), Tagged(owner), sets.Count];
        foreach (var (field, value) in sets)
        {
            args.Add(field);
            args.Add(value);
        }
        args.AddRange(changes.Where(change => change.Value is null).Select(change => (RedisValue)change.Field));
        return await RunAsync(RedisScripts.Transition, [Keys(sweepId).Trial(index)], [.. args], cancellationToken);
    }

    private static string? ResultJson(TrialResult? result) => result is null ? null : SweepJson.Serialize(result);

    private static RedisConnectionException ConnectionFailed(ConfigurationOptions options, Exception error)
    {
        var detail = RedactedConnectionString.Scrub(error.Message, options);
        var quotesPassword = RedactedConnectionString.Scrub(error.ToString(), options) != error.ToString();
        var failure = (error as RedisConnectionException)?.FailureType ?? ConnectionFailureType.UnableToConnect;
        return new RedisConnectionException(failure,
            $"could not connect to Redis at {RedactedConnectionString.Of(options)}: {detail}",
            quotesPassword ? null : error);
    }
}
