using System.Globalization;
using StackExchange.Redis;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Storage.Redis;

/// <summary>How records become hash fields and back. A missing field is null. Times are UTC ticks written as 19
/// digits: exact to the tick like the SQLite store's text, read back in UTC as it does, and of one width so a
/// script can compare them. Plans and results are <see cref="SweepJson"/>, which keeps NaN and infinities.</summary>
internal static class RedisRecords
{
    public const string State = "state";
    public const string LeaseOwner = "leaseOwner";
    public const string LeaseExpiresAt = "leaseExpiresAt";
    public const string FinishedAt = "finishedAt";
    public const string Result = "result";
    public const string Message = "message";
    public const string Failures = "failures";

    public static string Time(DateTimeOffset time) =>
        time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The script side of a nullable string (see <see cref="RedisScripts"/>).</summary>
    public static RedisValue Tagged(string? value) => value is null ? RedisValue.EmptyString : "=" + value;

    public static RedisValue[] SweepFields(SweepRecord sweep) =>
    [
        "id", sweep.Id, "name", sweep.Name, "specPath", sweep.SpecPath, "specText", sweep.SpecText,
        "strategy", sweep.Strategy, "planHash", sweep.PlanHash, "createdAt", Time(sweep.CreatedAt),
        .. sweep.Settings is { } settings ? new RedisValue[] { "settings", SweepJson.Serialize(settings) } : [],
    ];

    public static SweepRecord? ReadSweep(HashEntry[] entries)
    {
        if (entries.Length == 0)
            return null;
        var fields = ToDictionary(entries);
        return new SweepRecord(fields["id"], fields["name"], fields["specPath"], fields["specText"],
            fields["strategy"], fields["planHash"], ParseTime(fields["createdAt"]),
            fields.GetValueOrDefault("settings") is { } settings ? SweepJson.Deserialize<RunSettings>(settings) : null);
    }

    /// <summary>The plan is stored whole: it never changes, and the scripts never read it.</summary>
    public static RedisValue PlanJson(PlannedTrial plan) => SweepJson.Serialize(plan);

    public static TrialRecord? ReadTrial(string sweepId, HashEntry[] entries) =>
        entries.Length == 0 ? null : ReadTrial(sweepId, ToDictionary(entries));

    public static TrialRecord? ReadTrial(string sweepId, RedisResult leased)
    {
        if (leased.IsNull)
            return null;
        var flat = (RedisValue[])leased!;
        var fields = new Dictionary<string, string>(flat.Length / 2);
        for (var i = 0; i + 1 < flat.Length; i += 2)
            fields[flat[i]!] = flat[i + 1]!;
        return ReadTrial(sweepId, fields);
    }

    public static IEnumerable<EpochRecord> ReadEpochs(int trialIndex, HashEntry[] entries)
    {
        var fields = ToDictionary(entries);
        var epochs = fields.Keys
            .Where(field => field.EndsWith(":metrics", StringComparison.Ordinal))
            .Select(field => int.Parse(field.AsSpan(0, field.IndexOf(':')), CultureInfo.InvariantCulture))
            .Order();
        foreach (var epoch in epochs)
        {
            var prefix = epoch.ToString(CultureInfo.InvariantCulture) + ":";
            var decision = fields.TryGetValue(prefix + "action", out var action)
                ? new StopDecision(Enum.Parse<StopAction>(action), fields.GetValueOrDefault(prefix + "reason") ?? "")
                : null;
            yield return new EpochRecord(trialIndex, SweepJson.Deserialize<EpochMetrics>(fields[prefix + "metrics"]),
                decision, fields.GetValueOrDefault(prefix + "recordedBy"));
        }
    }

    private static TrialRecord ReadTrial(string sweepId, Dictionary<string, string> fields) => new(
        SweepId: sweepId,
        Plan: SweepJson.Deserialize<PlannedTrial>(fields["plan"]),
        State: Enum.Parse<TrialState>(fields[State]),
        Attempts: int.Parse(fields["attempts"], CultureInfo.InvariantCulture),
        LeaseOwner: fields.GetValueOrDefault(LeaseOwner),
        LeaseExpiresAt: NullableTime(fields, LeaseExpiresAt),
        StartedAt: NullableTime(fields, "startedAt"),
        FinishedAt: NullableTime(fields, FinishedAt),
        Result: fields.GetValueOrDefault(Result) is { } json ? SweepJson.Deserialize<TrialResult>(json) : null,
        Message: fields.GetValueOrDefault(Message),
        Failures: fields.GetValueOrDefault(Failures) is { } failures
            ? int.Parse(failures, CultureInfo.InvariantCulture)
            : 0);

    private static Dictionary<string, string> ToDictionary(HashEntry[] entries) =>
        entries.ToDictionary(entry => entry.Name.ToString(), entry => entry.Value.ToString(), StringComparer.Ordinal);

    private static DateTimeOffset? NullableTime(Dictionary<string, string> fields, string field) =>
        fields.TryGetValue(field, out var text) ? ParseTime(text) : null;

    private static DateTimeOffset ParseTime(string text) =>
        new(long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);
}
