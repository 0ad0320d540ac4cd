using System.Globalization;
using Microsoft.Data.Sqlite;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Storage.Sqlite;

/// <summary>How records become columns and back. Times are UTC text with seven fractional digits: exact,
/// readable in the sqlite3 shell, and ordered as text so lease expiry can be compared in SQL.</summary>
internal static class SqliteRows
{
    public const string TrialColumns = "sweep_id, trial_index, changes_json, repeat, seed, config_key, round, role, "
        + "state, attempts, lease_owner, lease_expires_at, started_at, finished_at, result_json, message, failures";

    public const string SweepColumns = "id, name, spec_path, spec_text, strategy, plan_hash, created_at, settings_json";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string State(TrialState state) => state.ToString();

    public static SweepRecord ReadSweep(SqliteDataReader reader) => new(
        Id: reader.GetString(0),
        Name: reader.GetString(1),
        SpecPath: reader.GetString(2),
        SpecText: reader.GetString(3),
        Strategy: reader.GetString(4),
        PlanHash: reader.GetString(5),
        CreatedAt: ParseTime(reader.GetString(6)),
        Settings: NullableString(reader, 7) is { } settings ? SweepJson.Deserialize<RunSettings>(settings) : null);

    public static TrialRecord ReadTrial(SqliteDataReader reader)
    {
        var plan = new PlannedTrial(
            Index: reader.GetInt32(1),
            Changes: SweepJson.Deserialize<List<ParameterChange>>(reader.GetString(2)),
            Repeat: reader.GetInt32(3),
            Seed: reader.GetInt64(4),
            ConfigKey: reader.GetString(5),
            Round: reader.GetInt32(6),
            Role: reader.GetString(7));
        return new TrialRecord(
            SweepId: reader.GetString(0),
            Plan: plan,
            State: Enum.Parse<TrialState>(reader.GetString(8)),
            Attempts: reader.GetInt32(9),
            LeaseOwner: NullableString(reader, 10),
            LeaseExpiresAt: NullableTime(reader, 11),
            StartedAt: NullableTime(reader, 12),
            FinishedAt: NullableTime(reader, 13),
            Result: NullableString(reader, 14) is { } json ? SweepJson.Deserialize<TrialResult>(json) : null,
            Message: NullableString(reader, 15),
            Failures: reader.GetInt32(16));
    }

    public static EpochRecord ReadEpoch(SqliteDataReader reader) =>
        new(reader.GetInt32(0), SweepJson.Deserialize<EpochMetrics>(reader.GetString(1)),
            NullableString(reader, 2) is { } action
                ? new StopDecision(Enum.Parse<StopAction>(action), reader.GetString(3))
                : null,
            NullableString(reader, 4));

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
