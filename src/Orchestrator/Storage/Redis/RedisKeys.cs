using System.Globalization;
using StackExchange.Redis;

namespace Sweep.Orchestrator.Storage.Redis;

/// <summary>Where one sweep's data lie: every key starts <c>&lt;prefix&gt;:{&lt;sweepId&gt;}:</c>. The braces are a
/// Redis Cluster hash tag, so all keys of a sweep share one slot and a script may touch any of them in one atomic
/// step; different sweeps still spread over the cluster.</summary>
internal sealed class RedisKeys(string prefix, string sweepId)
{
    private readonly string _base = $"{prefix}:{{{sweepId}}}:";

    /// <summary>Hash of the <see cref="SweepRecord"/>; its existence is what "the sweep is stored" means.</summary>
    public RedisKey Sweep => _base + "sweep";

    /// <summary>Sorted set of the trial indices, scored by index, so listing trials needs no scan and comes in
    /// index order.</summary>
    public RedisKey Trials => _base + "trials";

    /// <summary>Hash of one trial: its plan and every mutable field of its <see cref="TrialRecord"/>.</summary>
    public RedisKey Trial(int index) => _base + "trial:" + Index(index);

    /// <summary>Hash of one trial's epochs, four fields per epoch (<c>&lt;epoch&gt;:metrics</c>, <c>:action</c>,
    /// <c>:reason</c>, <c>:recordedBy</c>), so a promotion rewrites the decision without a script having to parse
    /// and re-encode the metrics JSON (Lua's JSON encoder would round the doubles).</summary>
    public RedisKey Epochs(int index) => _base + "epochs:" + Index(index);

    /// <summary>Hash of one trial's shelved checkpoint files, by <c>&lt;epoch&gt;:&lt;writer&gt;</c>.</summary>
    public RedisKey Checkpoints(int index) => _base + "checkpoints:" + Index(index);

    /// <summary>Hash of the search strategy's decisions by key, each a <see cref="Search.SearchDecision"/> in JSON.</summary>
    public RedisKey Decisions => _base + "decisions";

    /// <summary>List of decision keys in the order they were first recorded.</summary>
    public RedisKey DecisionOrder => _base + "decision-order";

    public static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);
}
