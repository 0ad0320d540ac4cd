using Microsoft.Data.Sqlite;
using static Sweep.Orchestrator.Storage.Sqlite.SqliteRows;

namespace Sweep.Orchestrator.Storage.Sqlite;

/// <summary>Writes a whole sweep, as another store holds it, into a new <c>sweep.db</c> in one transaction: the copy
/// a cluster's sweep gets so that report, export and status work on it offline.</summary>
internal static class SqliteImport
{
    public static async Task WriteAsync(string databasePath, SweepRecord sweep, IReadOnlyList<TrialRecord> trials,
        IReadOnlyList<EpochRecord> epochs, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using (var insert = connection.Command($"INSERT INTO sweeps ({SweepColumns}) VALUES "
                + "($id, $name, $specPath, $specText, $strategy, $planHash, $createdAt, $settings);", transaction)
            .With("$id", sweep.Id).With("$name", sweep.Name).With("$specPath", sweep.SpecPath)
            .With("$specText", sweep.SpecText).With("$strategy", sweep.Strategy).With("$planHash", sweep.PlanHash)
            .With("$createdAt", Time(sweep.CreatedAt))
            .With("$settings", sweep.Settings is null ? null : SweepJson.Serialize(sweep.Settings)))
            await insert.ExecuteNonQueryAsync(cancellationToken);
        foreach (var trial in trials)
        {
            await using var insert = connection.Command($"INSERT INTO trials ({TrialColumns}) VALUES ($sweepId, "
                + "$index, $changes, $repeat, $seed, $configKey, $round, $role, $state, $attempts, $owner, $expires, "
                + "$started, $finished, $result, $message, $failures);", transaction)
                .With("$sweepId", sweep.Id).With("$index", trial.Index)
                .With("$changes", SweepJson.Serialize(trial.Plan.Changes)).With("$repeat", trial.Plan.Repeat)
                .With("$seed", trial.Plan.Seed).With("$configKey", trial.Plan.ConfigKey).With("$round", trial.Plan.Round)
                .With("$role", trial.Plan.Role).With("$state", State(trial.State)).With("$attempts", trial.Attempts)
                .With("$owner", trial.LeaseOwner)
                .With("$expires", trial.LeaseExpiresAt is { } expires ? Time(expires) : null)
                .With("$started", trial.StartedAt is { } started ? Time(started) : null)
                .With("$finished", trial.FinishedAt is { } finished ? Time(finished) : null)
                .With("$result", trial.Result is null ? null : SweepJson.Serialize(trial.Result))
                .With("$message", trial.Message).With("$failures", trial.Failures);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var epoch in epochs)
        {
            await using var insert = connection.Command("INSERT INTO epochs (sweep_id, trial_index, epoch, metrics_json, "
                + "decision, decision_reason, recorded_by) VALUES ($sweepId, $index, $epoch, $metrics, $decision, "
                + "$reason, $recordedBy);", transaction)
                .With("$sweepId", sweep.Id).With("$index", epoch.TrialIndex).With("$epoch", epoch.Metrics.Epoch)
                .With("$metrics", SweepJson.Serialize(epoch.Metrics))
                .With("$decision", epoch.Decision?.Action.ToString()).With("$reason", epoch.Decision?.Reason)
                .With("$recordedBy", epoch.RecordedBy);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
