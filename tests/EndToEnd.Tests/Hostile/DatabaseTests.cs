using Microsoft.Data.Sqlite;

namespace Sweep.EndToEnd.Tests.Hostile;

/// <summary>A <c>sweep.db</c> that is not what sweep wrote, in every command that opens a sweep: one line naming
/// the file and what was expected, and the file left exactly as it was.</summary>
public sealed class DatabaseTests(DatabaseTests.FinishedSweep finished) : IClassFixture<DatabaseTests.FinishedSweep>
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var kind in new[] { "random bytes", "truncated", "empty", "foreign tables" })
            foreach (var command in new[] { "status", "export", "report", "resume" })
                cases.Add(kind, command);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DamagedOrForeignDatabase_IsRefusedNamingTheFile(string kind, string command)
    {
        var work = TestSpecs.NewWorkDirectory("hostile-db");
        try
        {
            var sweep = Directory.CreateDirectory(Path.Combine(work, Path.GetFileName(finished.Directory))).FullName;
            var database = Path.Combine(sweep, "sweep.db");
            var expected = Damage(kind, database);
            var before = FolderContents.Of(work);

            var run = await SweepProgram.RunAsync(work, command, sweep);

            Assert.StartsWith($"{database}: {expected}", Refusals.AssertOneLine(run));
            Assert.Equal(before, FolderContents.Of(work));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Writes the kind of bad file asked for; returns the start of what the error must say after the path.</summary>
    private string Damage(string kind, string database)
    {
        switch (kind)
        {
            case "random bytes":
                File.WriteAllBytes(database, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7919 % 251)).ToArray());
                return "expected a SQLite database written by sweep, found a file that is not a database";
            case "truncated":
                var whole = File.ReadAllBytes(Path.Combine(finished.Directory, "sweep.db"));
                File.WriteAllBytes(database, whole[..(whole.Length / 2 + 100)]);
                return "expected an intact sweep database, found a damaged one";
            case "empty":
                File.WriteAllBytes(database, []);
                return "expected a sweep database, found an empty file";
            default:
                using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
                {
                    connection.Open();
                    using var create = connection.CreateCommand();
                    create.CommandText = "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');";
                    create.ExecuteNonQuery();
                }
                return "expected a sweep database (tables sweeps, trials and epochs), found a SQLite database without them";
        }
    }

    /// <summary>A real sweep database, finished and closed, whose name and bytes the bad copies borrow.</summary>
    public sealed class FinishedSweep : IAsyncLifetime
    {
        private readonly string work = TestSpecs.NewWorkDirectory("hostile-db-source");

        public string Directory { get; private set; } = "";

        public async Task InitializeAsync() =>
            Directory = await SyntheticSweep.RunFinishedAsync(work, Path.Combine(work, "runs"));

        public Task DisposeAsync()
        {
            System.IO.Directory.Delete(work, recursive: true);
            return Task.CompletedTask;
        }
    }
}
