using System.Text.RegularExpressions;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;

namespace Sweep.EndToEnd.Tests.Hostile;

/// <summary>A real full disk (a small tmpfs, filled while the program runs): the command ends with one line
/// saying so at the file it was writing and how to go on, and nothing already recorded is lost.</summary>
public sealed partial class DiskTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string work = TestSpecs.NewWorkDirectory("hostile-disks");

    public void Dispose() => Directory.Delete(work, recursive: true);

    [MountFact]
    public async Task DiskFillsWhileASweepRuns_OneLineWithTheResumeCommand_AndTheResumeFinishesWithNothingLost()
    {
        using var disk = TmpfsMount.Create("full-run", "8m");
        var spec = TestSpecs.Write(work, "grid.yaml", SyntheticSweep.Grid(epochs: 3, secondsPerEpoch: 0.1));
        using var running = new RunningProgram(work, "run", spec, "--out", disk.Path, "--slots", "1");
        await running.WaitUntilAsync(output => FinishedTrials(output) >= 3, Patience);
        var filler = disk.Fill();

        var run = await running.ExitAsync(Patience);

        var sweep = SweepResults.SingleSweepDirectory(disk.Path);
        Assert.Equal($"{Path.Combine(sweep, "sweep.db")}: the disk is full; free some space, then continue with: sweep resume {sweep}",
            Refusals.AssertEndsWithOneErrorLine(run));
        File.Delete(filler);
        var recorded = await ReadAsync(sweep);
        Assert.True(recorded.Trials.Count(t => t.State == TrialState.Completed) >= 3);

        var resumed = await SweepProgram.RunAsync(work, "resume", sweep);

        Refusals.AssertSucceeded(resumed);
        var final = await ReadAsync(sweep);
        Assert.Equal(20, final.Trials.Count);
        Assert.All(final.Trials, trial => Assert.Equal(TrialState.Completed, trial.State));
        foreach (var trial in recorded.Trials.Where(t => t.State == TrialState.Completed))
            Assert.Equal(SweepJson.Serialize(trial), SweepJson.Serialize(final.Trials.Single(t => t.Index == trial.Index)));
        Assert.Empty(recorded.Epochs.Select(SweepJson.Serialize).Except(final.Epochs.Select(SweepJson.Serialize)));
    }

    [MountFact]
    public async Task DiskFullWhenAReportIsWritten_OneLineNamingIt_NoFolderLeft_AndTheSweepStillReads()
    {
        using var disk = TmpfsMount.Create("full-report", "4m");
        var sweep = await SyntheticSweep.RunFinishedAsync(work, disk.Path);
        Directory.Delete(Path.Combine(sweep, "report"), recursive: true);
        disk.Fill();
        var before = FolderContents.Of(sweep);

        var report = await SweepProgram.RunAsync(work, "report", sweep);
        var status = await SweepProgram.RunAsync(work, "status", sweep);

        Assert.Equal($"{Path.Combine(sweep, "report", "index.html")}: the disk is full; free some space, then run the command again",
            Refusals.AssertOneLine(report));
        Refusals.AssertSucceeded(status);
        Assert.Contains("completed 20", status.Output);
        Assert.Equal(before, FolderContents.Of(sweep));
    }

    [MountFact]
    public async Task DiskFullWhenExporting_OneLineNamingTheFile_AndTheOldFileIsKept()
    {
        var sweep = await SyntheticSweep.RunFinishedAsync(work, Path.Combine(work, "runs"));
        using var disk = TmpfsMount.Create("full-export", "1m");
        var target = TestSpecs.Write(disk.Path, "trials.csv", "the previous export");
        var filler = disk.Fill();

        var run = await SweepProgram.RunAsync(work, "export", sweep, "--format", "json", "-o", target);

        Assert.Equal($"{target}: the disk is full; free some space, then run the command again", Refusals.AssertOneLine(run));
        Assert.Equal("the previous export", File.ReadAllText(target));
        Assert.Equal([filler, target], Directory.GetFileSystemEntries(disk.Path).Order());
    }

    [MountFact]
    public async Task DiskFullWhileTraining_OneLineWithTheCommandThatContinues()
    {
        using var disk = TmpfsMount.Create("full-train", "16k");
        var spec = TestSpecs.Write(work, "train.yaml", TestSpecs.Ofat("hostile-train", epochs: 1));
        var output = Path.Combine(disk.Path, "trained");

        var run = await SweepProgram.RunAsync(work, "train", spec, "--out", output);

        Assert.Equal($"{output}: the disk is full; free some space, then continue with: sweep train {spec} --out {output}",
            Refusals.AssertOneLine(run));
        Assert.DoesNotContain(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories),
            file => file.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [MountFact]
    public async Task DiskTooFullForANewSweep_OneLineNamingItsDatabase()
    {
        using var disk = TmpfsMount.Create("full-create", "12k");
        var spec = TestSpecs.Write(work, "grid.yaml", SyntheticSweep.Grid());

        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", disk.Path);

        Assert.Matches(DatabaseOnAFullDisk(), Refusals.AssertOneLine(run));
        Assert.Empty(Directory.EnumerateFileSystemEntries(disk.Path));
    }

    private static int FinishedTrials(string output) =>
        FinishedLine().Matches(output).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();

    private static async Task<SweepSnapshot> ReadAsync(string sweepDirectory)
    {
        var (sweep, store) = await SweepDirectory.ReadExistingAsync(sweepDirectory, CancellationToken.None);
        await using var _ = store;
        return new SweepSnapshot(sweepDirectory, await store.GetTrialsAsync(sweep.Id), await store.GetEpochsAsync(sweep.Id));
    }

    [GeneratedRegex(@"(\d+)/20 trials finished")]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"^/.+/hostile-grid-[0-9a-f]{8}/sweep\.db: the disk is full; free some space, then run the command again$")]
    private static partial Regex DatabaseOnAFullDisk();
}
