using Microsoft.Data.Sqlite;
using Sweep.Orchestrator.Storage;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Storage;

/// <summary>Opening a sweep's file to read it (status, export, report) writes nothing to it, leaves nothing beside
/// it, and refuses a file sweep did not write before anything is read or written.</summary>
public sealed class SqliteReadingTests : IDisposable
{
    private readonly TempDirectory directory = new();

    private string DatabasePath => Path.Combine(directory.Path, SqliteSweepStore.FileName);

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task OpenForReading_AClosedSweepFile_ReadsIt_WithoutChangingAByteOrLeavingAFileBeside()
    {
        var sweep = await WriteSweepAsync();
        var bytes = await File.ReadAllBytesAsync(DatabasePath);

        await using (var reader = SqliteSweepStore.OpenForReading(DatabasePath))
        {
            Assert.Equal(sweep, await reader.GetSweepAsync(sweep.Id));
            Assert.Equal(3, (await reader.GetTrialsAsync(sweep.Id)).Count);
        }

        Assert.Equal(bytes, await File.ReadAllBytesAsync(DatabasePath));
        Assert.Equal([DatabasePath], Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public async Task OpenForReading_RefusesToWrite()
    {
        var sweep = await WriteSweepAsync();
        await using var reader = SqliteSweepStore.OpenForReading(DatabasePath);

        var error = await Assert.ThrowsAsync<SqliteException>(() => reader.AddTrialsAsync(sweep.Id, [Plan(7)]));

        Assert.Equal(8, error.SqliteErrorCode);
    }

    [Fact]
    public async Task OpenForReading_WhileAWriterHasTheFileOpen_SeesItsCommits_AndLeavesItsLogAlone()
    {
        var sweep = NewSweep();
        await using var writer = SqliteSweepStore.Open(DatabasePath);
        await writer.CreateSweepAsync(sweep);

        await using (var reader = SqliteSweepStore.OpenForReading(DatabasePath))
            Assert.Equal(sweep, await reader.GetSweepAsync(sweep.Id));

        Assert.True(File.Exists(DatabasePath + "-wal"));
        await writer.AddTrialsAsync(sweep.Id, Plans(2));
        Assert.Equal(2, (await writer.GetTrialsAsync(sweep.Id)).Count);
    }

    [Theory]
    [InlineData("empty", "expected a sweep database, found an empty file")]
    [InlineData("random bytes", "expected a SQLite database written by sweep, found a file that is not a database")]
    [InlineData("truncated", "expected an intact sweep database, found a damaged one")]
    [InlineData("foreign tables", "expected a sweep database (tables sweeps, trials and epochs), found a SQLite database without them")]
    public async Task BadFiles_AreRefusedNamingTheFile_ForReadingAndForWriting_AndStayAsTheyWere(string kind, string problem)
    {
        await WriteBadFileAsync(kind);
        var bytes = await File.ReadAllBytesAsync(DatabasePath);

        var forReading = Assert.Throws<SweepStoreFileException>(() => SqliteSweepStore.OpenForReading(DatabasePath));
        var forWriting = Assert.Throws<SweepStoreFileException>(() => SqliteSweepStore.OpenExisting(DatabasePath));

        foreach (var error in new[] { forReading, forWriting })
        {
            Assert.Equal(DatabasePath, error.File);
            Assert.StartsWith(problem, error.Problem);
        }
        Assert.Equal(bytes, await File.ReadAllBytesAsync(DatabasePath));
        Assert.Equal([DatabasePath], Directory.GetFileSystemEntries(directory.Path));
    }

    /// <summary>A file written before decisions were stored lacks their table; read-only, it cannot be given one.</summary>
    [Fact]
    public async Task OpenForReading_AFileWithoutDecisions_ReadsNone()
    {
        var sweep = await WriteSweepAsync();
        await ExecuteAsync("DROP TABLE decisions;");

        await using var reader = SqliteSweepStore.OpenForReading(DatabasePath);

        Assert.Empty(await reader.GetDecisionsAsync(sweep.Id));
    }

    [Fact]
    public async Task OpenForReading_AFileOfANewerSchema_IsRefused()
    {
        await WriteSweepAsync();
        await ExecuteAsync("PRAGMA user_version = 99;");

        var error = Assert.Throws<SweepStoreFileException>(() => SqliteSweepStore.OpenForReading(DatabasePath));

        Assert.Contains("99", error.Problem);
    }

    private async Task<SweepRecord> WriteSweepAsync()
    {
        var sweep = NewSweep();
        await using var writer = SqliteSweepStore.Open(DatabasePath);
        await writer.CreateSweepAsync(sweep);
        await writer.AddTrialsAsync(sweep.Id, Plans(3));
        return sweep;
    }

    private async Task WriteBadFileAsync(string kind)
    {
        switch (kind)
        {
            case "empty":
                await File.WriteAllBytesAsync(DatabasePath, []);
                break;
            case "random bytes":
                await File.WriteAllBytesAsync(DatabasePath, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7919 % 251)).ToArray());
                break;
            case "truncated":
                await WriteSweepAsync();
                var whole = await File.ReadAllBytesAsync(DatabasePath);
                await File.WriteAllBytesAsync(DatabasePath, whole[..(whole.Length / 2)]);
                break;
            default:
                await ExecuteAsync("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');");
                break;
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
