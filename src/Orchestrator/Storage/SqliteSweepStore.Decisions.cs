using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Storage.Sqlite;

namespace Sweep.Orchestrator.Storage;

/// <summary>The search strategy's decisions, one row per decision key.</summary>
public sealed partial class SqliteSweepStore
{
    public async Task AddDecisionsAsync(string sweepId, IReadOnlyList<SearchDecision> decisions,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var transaction = connection.BeginTransaction();
        foreach (var decision in decisions)
        {
            await using var insert = connection.Command("""
                    INSERT INTO decisions (sweep_id, decision_key, sequence, decision_json)
                    SELECT $sweepId, $key, COALESCE(MAX(sequence), -1) + 1, $json FROM decisions WHERE sweep_id = $sweepId
                    ON CONFLICT (sweep_id, decision_key) DO NOTHING;
                    """, transaction)
                .With("$sweepId", sweepId).With("$key", decision.Key).With("$json", SweepJson.Serialize(decision));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A file written before decisions were stored has no such table when opened read-only; it recorded
    /// none.</summary>
    public async Task<IReadOnlyList<SearchDecision>> GetDecisionsAsync(string sweepId,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using (var exists = connection.Command(
                         "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'decisions';"))
            if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
                return [];
        await using var select = connection.Command(
                "SELECT decision_json FROM decisions WHERE sweep_id = $sweepId ORDER BY sequence;")
            .With("$sweepId", sweepId);
        return await ReadAllAsync(select, reader => SweepJson.Deserialize<SearchDecision>(reader.GetString(0)),
            cancellationToken);
    }
}
