using Microsoft.Data.Sqlite;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Storage;

public sealed class SqliteSweepStoreTests : SweepStoreContract
{
    private readonly TempDirectory _directory = new();

    private string DatabasePath => Path.Combine(_directory.Path, SqliteSweepStore.FileName);

    protected override Task<ISweepStore> CreateStoreAsync() => Task.FromResult<ISweepStore>(SqliteSweepStore.Open(DatabasePath));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Data_SurviveClosingAndReopeningTheFile()
    {
        var sweep = NewSweep();
        await Store.CreateSweepAsync(sweep);
        await Store.AddTrialsAsync(sweep.Id, Plans(3));
        await Store.TryLeaseAsync(sweep.Id, 0, "worker-a", T0, T0.AddMinutes(1));
        await Store.AppendEpochAsync(sweep.Id, 0, "worker-a", Epoch(1, valLoss: double.NaN), Goes);
        await Store.TryLeaseAsync(sweep.Id, 1, "worker-a", T0, T0.AddMinutes(1));
        await Store.FinishAsync(sweep.Id, 1, "worker-a", TrialState.Diverged, DivergedResult(), "nan", T0.AddSeconds(9));
        var trialsBefore = await Store.GetTrialsAsync(sweep.Id);
        await Store.DisposeAsync();

        await using var reopened = SqliteSweepStore.Open(DatabasePath);

        Assert.Equal(sweep, await reopened.GetSweepAsync(sweep.Id));
        var trialsAfter = await reopened.GetTrialsAsync(sweep.Id);
        Assert.Equal(trialsBefore.Select(SweepJson.Serialize), trialsAfter.Select(SweepJson.Serialize));
        Assert.Equal(TrialState.Running, trialsAfter[0].State);
        Assert.Equal(TrialState.Diverged, trialsAfter[1].State);
        Assert.True(double.IsNaN(Assert.Single(await reopened.GetEpochsAsync(sweep.Id, 0)).Metrics.ValLoss));
        Assert.True(await reopened.AppendEpochAsync(sweep.Id, 0, "worker-a", Epoch(2), Goes));
    }

    [Fact]
    public async Task AVersion1File_GainsDecisionColumns_AndKeepsItsEpochsWithoutDecisions()
    {
        var sweep = await OneEpochThenRewriteAsync(
            "ALTER TABLE epochs DROP COLUMN decision; ALTER TABLE epochs DROP COLUMN decision_reason; ALTER TABLE epochs DROP COLUMN recorded_by; ALTER TABLE sweeps DROP COLUMN settings_json; ALTER TABLE trials DROP COLUMN failures; PRAGMA user_version = 1;");

        await using var reopened = SqliteSweepStore.Open(DatabasePath);

        var old = Assert.Single(await reopened.GetEpochsAsync(sweep.Id, 0));
        Assert.Null(old.Decision);
        Assert.Null(old.RecordedBy);
        Assert.True(await reopened.AppendEpochAsync(sweep.Id, 0, "worker-a", Epoch(2), Goes));
        Assert.Equal(Goes, (await reopened.GetEpochsAsync(sweep.Id, 0))[1].Decision);
    }

    [Fact]
    public async Task AnEpochWrittenBeforeEvalModeTrainingFigures_ReadsThemAsMissing_NotZero()
    {
        // The metrics as the release before eval-mode training figures wrote them.
        var sweep = await OneEpochThenRewriteAsync(
            """UPDATE epochs SET metrics_json = '{"epoch":1,"trainLoss":1.4,"trainAccuracy":0.85,"valLoss":0.5,"valAccuracy":0.8,"learningRate":0.001,"seconds":2.5,"samplesPerSecond":1800}'""",
            expectedRows: 1);

        await using var reopened = SqliteSweepStore.Open(DatabasePath);

        var old = Assert.Single(await reopened.GetEpochsAsync(sweep.Id, 0)).Metrics;
        Assert.Equal((1.4, 0.85), (old.TrainLoss, old.TrainAccuracy));
        Assert.Null(old.TrainEvalLoss);
        Assert.Null(old.TrainEvalAccuracy);
    }

    [Fact]
    public async Task TwoStoresOnOneFile_SeeEachOthersWrites()
    {
        await using var other = SqliteSweepStore.Open(DatabasePath);
        var sweep = NewSweep();
        await Store.CreateSweepAsync(sweep);
        await Store.AddTrialsAsync(sweep.Id, Plans(2));

        Assert.Equal(2, (await other.GetTrialsAsync(sweep.Id)).Count);
        Assert.NotNull(await other.TryLeaseAsync(sweep.Id, 0, "process-b", T0, T0.AddMinutes(1)));
        Assert.Null(await Store.TryLeaseAsync(sweep.Id, 0, "process-a", T0.AddSeconds(30), T0.AddMinutes(2)));
        Assert.Null(await Store.FinishAsync(sweep.Id, 0, "process-a", TrialState.Completed, Result(), null, T0));
        Assert.True(await other.AppendEpochAsync(sweep.Id, 0, "process-b", Epoch(1), Goes));
        Assert.NotNull(await other.FinishAsync(sweep.Id, 0, "process-b", TrialState.Completed, Result(), null, T0));

        var seen = await Store.GetTrialAsync(sweep.Id, 0);
        Assert.Equal(TrialState.Completed, seen!.State);
        Assert.Equal(SweepJson.Serialize(Result()), SweepJson.Serialize(seen.Result));
        Assert.Single(await Store.GetEpochsAsync(sweep.Id, 0));
    }

    [Fact]
    public async Task TheFile_UsesTheWriteAheadLog()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Open_AFileThatIsNotADatabase_IsRefusedNamingTheFile()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, SqliteSweepStore.FileName);
        await File.WriteAllTextAsync(file, new string('x', 4096));

        var error = Assert.Throws<SweepStoreFileException>(() => SqliteSweepStore.Open(file));

        Assert.Equal(file, error.File);
        Assert.StartsWith(file + ": ", error.Message);
    }

    [Fact]
    public async Task Open_AFileOfANewerSchema_IsRefusedNamingTheFile()
    {
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            await command.ExecuteNonQueryAsync();
        }

        var error = Assert.Throws<SweepStoreFileException>(() => SqliteSweepStore.Open(DatabasePath));

        Assert.Equal(DatabasePath, error.File);
        Assert.Contains("99", error.Message);
    }

    /// <summary>A sweep with one trial and one recorded epoch, its store closed, then <paramref name="sql"/> run on the
    /// file as an older release would have left it.</summary>
    private async Task<SweepRecord> OneEpochThenRewriteAsync(string sql, int? expectedRows = null)
    {
        var sweep = NewSweep();
        await Store.CreateSweepAsync(sweep);
        await Store.AddTrialsAsync(sweep.Id, Plans(1));
        await Store.TryLeaseAsync(sweep.Id, 0, "worker-a", T0, T0.AddMinutes(1));
        await Store.AppendEpochAsync(sweep.Id, 0, "worker-a", Epoch(1), Goes);
        await Store.DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        await using var rewrite = connection.CreateCommand();
        rewrite.CommandText = sql;
        var rows = await rewrite.ExecuteNonQueryAsync();
        if (expectedRows is { } expected)
            Assert.Equal(expected, rows);
        return sweep;
    }
}
