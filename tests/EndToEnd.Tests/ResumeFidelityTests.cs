using System.Diagnostics;
using System.IO.Compression;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;

namespace Sweep.EndToEnd.Tests;

/// <summary>What a run was started with stays with the sweep, a crashed trial worker is retried, and a sweep killed
/// again and again with early stopping on ends with the decisions and numbers of an uninterrupted run.</summary>
public sealed class ResumeFidelityTests
{
    private const string SystemData = "/usr/share/datasets/fashion-mnist";

    [Fact]
    public async Task Resume_ReusesTheDataDirectoryAndSlotsItStartedWith_AndRefusesOthersUnlessAllowed()
    {
        var work = TestSpecs.NewWorkDirectory("resume-settings");
        var data = InvertedFashionMnist(Path.Combine(work, "inverted"));
        var spec = TestSpecs.Write(work, "settings.yaml", TestSpecs.Ofat("e2e-settings", epochs: 2));
        var expected = await SweepResults.UninterruptedAsync(work, spec, "--slots", "2", "--data-dir", data);

        using (var running = SweepProgram.Start(work, "run", spec, "--out", "runs", "--slots", "2", "--data-dir", data))
        {
            var output = SweepProgram.Drain(running);
            await SweepResults.WaitForAsync(Path.Combine(work, "runs"), s => s.Trials.Count(t => t.State == TrialState.Completed) >= 2);
            ClusterRig.Signal(running, "TERM");
            await running.WaitForExitAsync();
            running.WaitForExit();
            Assert.True(running.ExitCode == 143, output());
        }
        var directory = SweepResults.SingleSweepDirectory(Path.Combine(work, "runs"));

        var otherSlots = await SweepProgram.RunAsync(work, "resume", directory, "--slots", "1");
        Assert.Equal(2, otherSlots.ExitCode);
        Assert.Contains("slots 2 → 1", otherSlots.Error);
        var otherData = await SweepProgram.RunAsync(work, "resume", directory, "--data-dir", SystemData);
        Assert.Equal(2, otherData.ExitCode);
        Assert.Contains($"data directory {data} → {SystemData}", otherData.Error);
        var resumed = await SweepProgram.RunAsync(work, "resume", directory);

        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        AssertSameRuns(expected, await SweepResults.ReadAsync(directory));
    }

    [Fact]
    public async Task TrialWorkerKilledAlone_IsRetriedFromItsCheckpoint_AndTheSweepEndsWithTheUninterruptedNumbers()
    {
        var work = TestSpecs.NewWorkDirectory("worker-killed");
        var spec = TestSpecs.Write(work, "killed.yaml", TestSpecs.Ofat("e2e-worker-killed", epochs: 3));
        var expected = await SweepResults.UninterruptedAsync(work, spec, "--slots", "1");

        using var running = SweepProgram.Start(work, "run", spec, "--out", "runs", "--slots", "1");
        var output = SweepProgram.Drain(running);
        // The baseline, as an out-of-memory kill would take it: its worker process alone, after its first epoch.
        await SweepResults.WaitForAsync(Path.Combine(work, "runs"), s => s.Epochs.Any(e => e.TrialIndex == 0));
        var worker = ChildProcesses(running.Id).Single();
        using (var kill = Process.Start("kill", ["-KILL", worker.ToString()]))
            await kill.WaitForExitAsync();
        await running.WaitForExitAsync();
        running.WaitForExit();

        Assert.True(running.ExitCode == 0, output());
        var actual = await SweepResults.ReadAsync(SweepResults.SingleSweepDirectory(Path.Combine(work, "runs")));
        // Usually the baseline's worker; on a loaded machine the baseline may finish between the poll that saw its
        // first epoch and the kill, and the next trial's worker is the one killed. Either way exactly one trial ran
        // twice, and the numbers are the uninterrupted run's.
        var retried = Assert.Single(actual.Trials, t => t.Attempts > 1);
        Assert.Equal((TrialState.Completed, 2), (retried.State, retried.Attempts));
        Assert.All(actual.Trials.Where(t => t != retried), t => Assert.Equal(1, t.Attempts));
        AssertSameRuns(expected, actual);
    }

    [Fact]
    public async Task TrialFailingEveryRetry_EndsTheSweepWithExit1NamingIt_AndRetryFailedFinishesItWithTheSameNumbers()
    {
        var work = TestSpecs.NewWorkDirectory("retries-used");
        // Three epochs: the retry resumes after the first, so it is still training its last when the second kill comes.
        var spec = TestSpecs.Write(work, "retries.yaml", TestSpecs.Ofat("e2e-retries-used", epochs: 3));
        var expected = await SweepResults.UninterruptedAsync(work, spec, "--slots", "1");

        using var running = SweepProgram.Start(work, "run", spec, "--out", "runs", "--slots", "1");
        var output = SweepProgram.Drain(running);
        var outputRoot = Path.Combine(work, "runs");
        // The baseline's worker dies on its first attempt and again on its one retry.
        foreach (var attempt in new[] { 1, 2 })
        {
            await SweepResults.WaitForAsync(outputRoot, s => s.Trials.FirstOrDefault(t => t.Index == 0) is
                { State: TrialState.Running } baseline && baseline.Attempts == attempt
                && s.Epochs.Any(e => e.TrialIndex == 0 && e.RecordedBy == baseline.LeaseOwner));
            foreach (var worker in ChildProcesses(running.Id))
                using (var kill = Process.Start("kill", ["-KILL", worker.ToString()]))
                    await kill.WaitForExitAsync();
        }
        await running.WaitForExitAsync();
        running.WaitForExit();

        Assert.True(running.ExitCode == 1, output());
        Assert.Contains("1 trial(s) failed (0)", output());
        Assert.Single(output().Split('\n'), line => line.StartsWith("trial 0 failed: ", StringComparison.Ordinal));
        var directory = SweepResults.SingleSweepDirectory(outputRoot);
        Assert.Equal(TrialState.Failed, (await SweepResults.ReadAsync(directory)).Trials.Single(t => t.Index == 0).State);
        var retried = await SweepProgram.RunAsync(work, "resume", directory, "--retry-failed");
        Assert.True(retried.ExitCode == 0, retried.Output + retried.Error);
        AssertSameRuns(expected, await SweepResults.ReadAsync(directory));
    }

    [Fact]
    public async Task Train_IntoAFolderHoldingAnotherSpecsCheckpoints_IsRefusedInOneLine()
    {
        var work = TestSpecs.NewWorkDirectory("train-reuse");
        var first = TestSpecs.Write(work, "a.yaml", TestSpecs.Ofat("e2e-train-a", epochs: 1));
        var second = TestSpecs.Write(work, "b.yaml", TestSpecs.Ofat("e2e-train-a", epochs: 1).Replace("lr: 0.001", "lr: 0.002"));
        var trained = await SweepProgram.RunAsync(work, "train", first, "--out", "t", "--threads", "1");
        Assert.True(trained.ExitCode == 0, trained.Output + trained.Error);
        var result = await File.ReadAllTextAsync(Path.Combine(work, "t", "result.json"));

        var reused = await SweepProgram.RunAsync(work, "train", second, "--out", "t", "--threads", "1");

        Assert.Equal(2, reused.ExitCode);
        var line = Assert.Single(reused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("was written by another trial", line);
        Assert.DoesNotContain("   at ", reused.Output + reused.Error);
        Assert.Equal(result, await File.ReadAllTextAsync(Path.Combine(work, "t", "result.json")));
    }

    [Theory]
    [InlineData("asha", "{ policy: asha, grace_epochs: 1, reduction: 2 }")]
    [InlineData("median", "{ policy: median, grace_epochs: 1, min_trials: 1 }")]
    public async Task KilledAtRandomMoments_WithEarlyStopping_EndsWithTheUninterruptedDecisionsAndNumbers(string name,
        string earlyStopping)
    {
        var work = TestSpecs.NewWorkDirectory($"kills-{name}");
        var spec = TestSpecs.Write(work, $"{name}.yaml", TestSpecs.Ofat($"e2e-kills-{name}", epochs: 3)
            + $"\n  early_stopping: {earlyStopping}\n");
        var expected = await SweepResults.UninterruptedAsync(work, spec, "--slots", "1");

        var random = new Random(name.Length);
        var outputRoot = Path.Combine(work, "runs");
        string? directory = null;
        for (var kill = 0; kill < 5; kill++)
        {
            using var running = directory is null
                ? SweepProgram.Start(work, "run", spec, "--out", "runs", "--slots", "1")
                : SweepProgram.Start(work, "resume", directory);
            SweepProgram.Drain(running);
            await Task.Delay(TimeSpan.FromSeconds(2.5 + 4 * random.NextDouble()));
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
            directory ??= Directory.GetDirectories(outputRoot).Single();
        }
        var final = await SweepProgram.RunAsync(work, "resume", directory!);

        Assert.True(final.ExitCode == 0, final.Output + final.Error);
        var actual = await SweepResults.ReadAsync(directory!);
        AssertSameRuns(expected, actual);
        static IEnumerable<string> Decisions(SweepSnapshot s) => s.Epochs
            .OrderBy(e => e.TrialIndex).ThenBy(e => e.Metrics.Epoch).Select(e => $"{e.TrialIndex}:{e.Metrics.Epoch}:{e.Decision}");
        Assert.Equal(Decisions(expected), Decisions(actual));
        Assert.Equal(expected.Trials.Select(t => (t.Index, t.State, t.Message)),
            actual.Trials.Select(t => (t.Index, t.State, t.Message)));
    }

    private static void AssertSameRuns(SweepSnapshot expected, SweepSnapshot actual)
    {
        static IEnumerable<string> Numbers(SweepSnapshot s) => s.Epochs
            .OrderBy(e => e.TrialIndex).ThenBy(e => e.Metrics.Epoch)
            .Select(e => $"{e.TrialIndex}:{e.Metrics with { Seconds = 0, SamplesPerSecond = 0 }}");
        Assert.Equal(Numbers(expected), Numbers(actual));
        Assert.Equal(expected.Trials.Select(t => (t.Index, t.Result?.Test?.Accuracy)),
            actual.Trials.Select(t => (t.Index, t.Result?.Test?.Accuracy)));
    }

    /// <summary>The real Fashion-MNIST with every training pixel inverted: data a run can only have read from its
    /// --data-dir.</summary>
    private static string InvertedFashionMnist(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(SystemData, "*.gz"))
        {
            var target = Path.Combine(directory, Path.GetFileName(file));
            if (!Path.GetFileName(file).StartsWith("train-images", StringComparison.Ordinal))
            {
                File.Copy(file, target);
                continue;
            }
            using var input = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);
            var bytes = buffer.ToArray();
            for (var i = 16; i < bytes.Length; i++)
                bytes[i] = (byte)(255 - bytes[i]);
            using var output = new GZipStream(File.Create(target), CompressionLevel.Fastest);
            output.Write(bytes);
        }
        return directory;
    }

    private static IReadOnlyList<int> ChildProcesses(int parent)
    {
        using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-P", parent.ToString()]) { RedirectStandardOutput = true })!;
        var output = pgrep.StandardOutput.ReadToEnd();
        pgrep.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
    }
}
