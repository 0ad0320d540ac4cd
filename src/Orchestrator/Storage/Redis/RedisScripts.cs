namespace Sweep.Orchestrator.Storage.Redis;

/// <summary>The store's conditional writes as Lua. Redis runs a script without interleaving any other command, so
/// each check (state, lease owner, expiry) and the write it guards are one step, as a single UPDATE is in SQLite.
/// Every key a script touches is passed in KEYS and lies in the sweep's hash slot. Nullable values travel tagged:
/// "" for null, "=" and the value otherwise, so a null and an empty string stay apart.</summary>
internal static class RedisScripts
{
    /// <summary>KEYS: sweep. ARGV: field/value pairs of the record. 1 when written, 0 when the id is taken.</summary>
    public const string CreateSweep = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], unpack(ARGV))
        return 1
        """;

    /// <summary>KEYS: sweep, trial index set, then one trial hash per trial. ARGV: index and plan JSON per trial.
    /// Checks every index before writing any, so a refused batch leaves nothing behind. Returns {0} when added,
    /// {1} for an unknown sweep, {2, index} for an index already stored or repeated in the batch.</summary>
    public const string AddTrials = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {1} end
        local seen = {}
        for i = 3, #KEYS do
            local index = ARGV[2 * (i - 2) - 1]
            if seen[index] or redis.call('EXISTS', KEYS[i]) == 1 then return {2, tonumber(index)} end
            seen[index] = true
        end
        for i = 3, #KEYS do
            local index = ARGV[2 * (i - 2) - 1]
            redis.call('HSET', KEYS[i], 'state', 'Pending', 'attempts', 0, 'plan', ARGV[2 * (i - 2)])
            redis.call('ZADD', KEYS[2], index, index)
        end
        return {0}
        """;

    /// <summary>KEYS: decisions hash, decision order list. ARGV: key and JSON per decision. A key already stored keeps
    /// its first record.</summary>
    public const string AddDecisions = """
        for i = 1, #ARGV, 2 do
            if redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) == 1 then redis.call('RPUSH', KEYS[2], ARGV[i]) end
        end
        return 0
        """;

    /// <summary>KEYS: trial, its epochs. ARGV: owner, now, expiresAt (19-digit UTC ticks), promotion reason.
    /// Returns the leased trial's fields, or nil when refused. Ticks exceed the 2^53 that Lua's doubles hold
    /// exactly, so expiry is compared as two numbers (seconds, then the ticks within the second): a lease that
    /// ends one tick after now must still be refused.</summary>
    public const string Lease = """
        local function not_after(a, b)
            local a_high, b_high = tonumber(string.sub(a, 1, 12)), tonumber(string.sub(b, 1, 12))
            if a_high ~= b_high then return a_high < b_high end
            return tonumber(string.sub(a, 13)) <= tonumber(string.sub(b, 13))
        end
        local state = redis.call('HGET', KEYS[1], 'state')
        if state == 'Running' then
            local expires = redis.call('HGET', KEYS[1], 'leaseExpiresAt')
            if not expires or not not_after(expires, ARGV[2]) then return false end
        elseif state == 'Paused' then
            local last
            for _, field in ipairs(redis.call('HKEYS', KEYS[2])) do
                local epoch = tonumber(string.match(field, '^(-?%d+):metrics$'))
                if epoch and (not last or epoch > last) then last = epoch end
            end
            if last and redis.call('HGET', KEYS[2], last .. ':action') == 'Pause' then
                redis.call('HSET', KEYS[2], last .. ':action', 'Promoted', last .. ':reason', ARGV[4])
            end
        elseif state ~= 'Pending' then
            return false
        end
        if state ~= 'Paused' then redis.call('HINCRBY', KEYS[1], 'attempts', 1) end
        redis.call('HSET', KEYS[1], 'state', 'Running', 'leaseOwner', ARGV[1], 'leaseExpiresAt', ARGV[3])
        redis.call('HSETNX', KEYS[1], 'startedAt', ARGV[2])
        return redis.call('HGETALL', KEYS[1])
        """;

    /// <summary>KEYS: trial, its epochs. ARGV: owner, epoch, metrics JSON, action, reason. Writes (or overwrites)
    /// the epoch's four fields only while the owner holds the running trial; 1 when written.</summary>
    public const string AppendEpoch = """
        local trial = redis.call('HMGET', KEYS[1], 'state', 'leaseOwner')
        if trial[1] ~= 'Running' or trial[2] ~= ARGV[1] then return 0 end
        local epoch = ARGV[2]
        redis.call('HSET', KEYS[2], epoch .. ':metrics', ARGV[3], epoch .. ':action', ARGV[4],
            epoch .. ':reason', ARGV[5], epoch .. ':recordedBy', ARGV[1])
        return 1
        """;

    /// <summary>KEYS: trial. ARGV: required state, required owner (tagged; null when any owner will do), the number
    /// of fields to set, those field/value pairs, then the fields to delete. Every other transition of a trial
    /// (renew, finish, pause, conclude, retry) is this one check-and-write. Returns the written trial's fields, or nil
    /// when refused.</summary>
    public const string Transition = """
        local trial = redis.call('HMGET', KEYS[1], 'state', 'leaseOwner')
        if trial[1] ~= ARGV[1] then return false end
        if ARGV[2] ~= '' and trial[2] ~= string.sub(ARGV[2], 2) then return false end
        local sets = tonumber(ARGV[3])
        if sets > 0 then redis.call('HSET', KEYS[1], unpack(ARGV, 4, 3 + 2 * sets)) end
        if #ARGV > 3 + 2 * sets then redis.call('HDEL', KEYS[1], unpack(ARGV, 4 + 2 * sets, #ARGV)) end
        return redis.call('HGETALL', KEYS[1])
        """;

    /// <summary>KEYS: trial. ARGV: owner, 1 to count a failure (else 0), message (tagged). Gives a held trial back
    /// as pending; 1 when written.</summary>
    public const string Release = """
        local trial = redis.call('HMGET', KEYS[1], 'state', 'leaseOwner')
        if trial[1] ~= 'Running' or trial[2] ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'state', 'Pending')
        redis.call('HDEL', KEYS[1], 'leaseOwner', 'leaseExpiresAt')
        if ARGV[2] == '1' then redis.call('HINCRBY', KEYS[1], 'failures', 1) end
        if ARGV[3] == '' then redis.call('HDEL', KEYS[1], 'message')
        else redis.call('HSET', KEYS[1], 'message', string.sub(ARGV[3], 2)) end
        return 1
        """;
}
