using Microsoft.Data.Sqlite;

namespace Sweep.EndToEnd.Tests.Hostile;

/// <summary>Folders on a real read-only medium (a tmpfs remounted read-only, which binds root too): nothing is
/// written there, an archived sweep can still be read, and what cannot be done is one line.</summary>
public sealed class FolderTests : IDisposable
{
    private readonly string work = TestSpecs.NewWorkDirectory("hostile-folders");

    public void Dispose() => Directory.Delete(work, recursive: true);

    [MountFact]
    public async Task Train_OutOnAReadOnlyMedium_IsRefused()
    {
        var spec = TestSpecs.Write(work, "train.yaml", TestSpecs.Ofat("hostile-train"));
        using var medium = TmpfsMount.Create("ro-train");
        medium.RemountReadOnly();
        var output = Path.Combine(medium.Path, "trained");

        var run = await SweepProgram.RunAsync(work, "train", spec, "--out", output);

        Assert.Equal($"{output}: expected a writable folder for --out, found a read-only file system at {medium.Path}",
            Refusals.AssertOneLine(run));
        Assert.Empty(FolderContents.Of(medium.Path));
    }

    [MountFact]
    public async Task Run_OutOnAReadOnlyMedium_IsRefusedAndCreatesNothing()
    {
        var spec = TestSpecs.Write(work, "grid.yaml", SyntheticSweep.Grid());
        using var medium = TmpfsMount.Create("ro-run");
        medium.RemountReadOnly();
        var below = Path.Combine(medium.Path, "runs");

        var atRoot = await SweepProgram.RunAsync(work, "run", spec, "--out", medium.Path);
        var under = await SweepProgram.RunAsync(work, "run", spec, "--out", below);

        Assert.Equal($"{medium.Path}: expected a writable folder for the sweep (--out), found a read-only file system",
            Refusals.AssertOneLine(atRoot));
        Assert.Equal($"{below}: expected a writable folder for the sweep (--out), found a read-only file system at {medium.Path}",
            Refusals.AssertOneLine(under));
        Assert.Empty(FolderContents.Of(medium.Path));
        Assert.False(Directory.Exists(Path.Combine(work, "runs")));
    }

    [MountFact]
    public async Task Export_IntoAReadOnlyFolder_IsRefused()
    {
        var sweep = await SyntheticSweep.RunFinishedAsync(work, Path.Combine(work, "runs"));
        using var medium = TmpfsMount.Create("ro-export");
        medium.RemountReadOnly();
        var target = Path.Combine(medium.Path, "trials.csv");

        var run = await SweepProgram.RunAsync(work, "export", sweep, "--format", "csv", "-o", target);

        Assert.Equal($"{target}: expected a writable file for -o, found a read-only file system at {medium.Path}",
            Refusals.AssertOneLine(run));
        Assert.Empty(FolderContents.Of(medium.Path));
    }

    [MountFact]
    public async Task ArchivedSweep_OnAReadOnlyMedium_StatusAndExportReadIt_AndNothingChanges()
    {
        using var medium = TmpfsMount.Create("ro-archive");
        var sweep = await SyntheticSweep.RunFinishedAsync(work, medium.Path);
        var csv = await SweepProgram.RunAsync(work, "export", sweep, "--format", "csv");
        Refusals.AssertSucceeded(csv);
        medium.RemountReadOnly();
        var before = FolderContents.Of(medium.Path);

        var status = await SweepProgram.RunAsync(work, "status", sweep);
        var csvAgain = await SweepProgram.RunAsync(work, "export", sweep, "--format", "csv");
        var json = await SweepProgram.RunAsync(work, "export", sweep, "--format", "json", "-o", Path.Combine(work, "trials.json"));

        Refusals.AssertSucceeded(status);
        Assert.Contains("completed 20", status.Output);
        Refusals.AssertSucceeded(csvAgain);
        Assert.Equal(csv.Output, csvAgain.Output);
        Assert.Equal(21, csvAgain.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Refusals.AssertSucceeded(json);
        Assert.Contains("\"state\": \"Completed\"", File.ReadAllText(Path.Combine(work, "trials.json")));
        Assert.Equal(before, FolderContents.Of(medium.Path));
    }

    [MountFact]
    public async Task ArchivedSweep_OnAReadOnlyMedium_ReportSaysWhy_AndWritesElsewhereWithOut()
    {
        using var medium = TmpfsMount.Create("ro-report");
        var sweep = await SyntheticSweep.RunFinishedAsync(work, medium.Path);
        medium.RemountReadOnly();
        var before = FolderContents.Of(medium.Path);
        var elsewhere = Path.Combine(work, "report-copy");

        var refused = await SweepProgram.RunAsync(work, "report", sweep);
        var written = await SweepProgram.RunAsync(work, "report", sweep, "--out", elsewhere);

        Assert.Equal($"{Path.Combine(sweep, "report")}: expected a writable folder for the report, found a read-only file system; "
            + "pass --out DIR to write the report elsewhere", Refusals.AssertOneLine(refused));
        Refusals.AssertSucceeded(written);
        Assert.Contains("hostile-grid", File.ReadAllText(Path.Combine(elsewhere, "index.html")));
        Assert.Equal(before, FolderContents.Of(medium.Path));
    }

    [MountFact]
    public async Task ArchivedSweep_WithACommitOnlyInItsLog_IsReadWithIt()
    {
        using var medium = TmpfsMount.Create("ro-log");
        var sweep = await ArchiveWithACommitInTheLogAsync(medium, keepIndex: true);

        var csv = await SweepProgram.RunAsync(work, "export", sweep, "--format", "csv");

        Refusals.AssertSucceeded(csv);
        Assert.Contains("only in the log", csv.Output);
    }

    [MountFact]
    public async Task ArchivedSweep_WithACommitOnlyInItsLogButNoIndex_IsRefusedNamingTheLog()
    {
        using var medium = TmpfsMount.Create("ro-log-no-index");
        var sweep = await ArchiveWithACommitInTheLogAsync(medium, keepIndex: false);

        var status = await SweepProgram.RunAsync(work, "status", sweep);

        Assert.Equal($"{Path.Combine(sweep, "sweep.db-wal")}: holds commits not yet in sweep.db, which cannot be read "
            + "without sweep.db-shm on a read-only medium; copy the sweep to a writable place and read it there",
            Refusals.AssertOneLine(status));
    }

    [MountFact]
    public async Task ArchivedSweep_OnAReadOnlyMedium_ResumeIsRefused()
    {
        using var medium = TmpfsMount.Create("ro-resume");
        var sweep = await SyntheticSweep.RunFinishedAsync(work, medium.Path);
        medium.RemountReadOnly();
        var before = FolderContents.Of(medium.Path);

        var run = await SweepProgram.RunAsync(work, "resume", sweep);

        Assert.StartsWith($"{Path.Combine(sweep, "sweep.db")}: cannot be opened for writing", Refusals.AssertOneLine(run));
        Assert.Equal(before, FolderContents.Of(medium.Path));
    }

    /// <summary>A sweep copied off while a process still had a commit in its write-ahead log (a crash, a copy of
    /// a live sweep), onto a medium then made read-only.</summary>
    private async Task<string> ArchiveWithACommitInTheLogAsync(TmpfsMount medium, bool keepIndex)
    {
        var source = await SyntheticSweep.RunFinishedAsync(work, Path.Combine(work, "runs"));
        var archived = Directory.CreateDirectory(Path.Combine(medium.Path, Path.GetFileName(source))).FullName;
        var database = Path.Combine(source, "sweep.db");
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "PRAGMA wal_autocheckpoint = 0; UPDATE trials SET message = 'only in the log' WHERE trial_index = 0;";
            update.ExecuteNonQuery();
            foreach (var suffix in keepIndex ? new[] { "", "-wal", "-shm" } : ["", "-wal"])
                File.Copy(database + suffix, Path.Combine(archived, "sweep.db" + suffix));
        }
        medium.RemountReadOnly();
        return archived;
    }
}
