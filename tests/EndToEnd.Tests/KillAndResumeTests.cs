using System.Diagnostics;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;

namespace Sweep.EndToEnd.Tests;

public sealed class KillAndResumeTests
{
    private const int Epochs = 3;

    [Fact]
    public async Task SweepKilledMidEpochAndBetweenTrials_ResumesToTheUninterruptedNumbers()
    {
        var work = TestSpecs.NewWorkDirectory("kill");
        var spec = TestSpecs.Write(work, "kill.yaml", TestSpecs.Ofat("e2e-kill", Epochs));

        var reference = await SweepProgram.RunAsync(work, "run", spec, "--out", "reference", "--slots", "1");
        Assert.True(reference.ExitCode == 0, reference.Output + reference.Error);
        var expected = await SweepResults.ReadAsync(SweepResults.SingleSweepDirectory(Path.Combine(work, "reference")));

        var interrupted = SweepProgram.Start(work, "run", spec, "--out", "interrupted", "--slots", "1");
        SweepProgram.Drain(interrupted);
        var outputRoot = Path.Combine(work, "interrupted");
        var sweepDirectory = await KillWhenAsync(interrupted, outputRoot,
            s => s.Epochs.Any(e => e.TrialIndex == 1 && e.Metrics.Epoch == 1));

        var resumed = SweepProgram.Start(work, "resume", sweepDirectory, "--slots", "1");
        SweepProgram.Drain(resumed);
        await KillWhenAsync(resumed, outputRoot, s => s.Trials.Count(t => t.State == TrialState.Completed) >= 3);

        var final = await SweepProgram.RunAsync(work, "resume", sweepDirectory, "--slots", "1");
        Assert.True(final.ExitCode == 0, final.Output + final.Error);

        var actual = await SweepResults.ReadAsync(sweepDirectory);
        Assert.Equal(expected.Trials.Count, actual.Trials.Count);
        foreach (var trial in actual.Trials)
        {
            var twin = expected.Trials.Single(t => t.Index == trial.Index);
            Assert.Equal(TrialState.Completed, trial.State);
            Assert.Equal(Curve(expected, trial.Index), Curve(actual, trial.Index));
            Assert.Equal(Curve(twin), Curve(trial));
            Assert.Equal(twin.Result!.Test!.Accuracy, trial.Result!.Test!.Accuracy);
            Assert.Equal(twin.Result.Test.MacroF1, trial.Result.Test.MacroF1);
        }
    }

    [Fact]
    public async Task Interrupt_StopsCleanlyAndPrintsTheResumeCommand()
    {
        var work = TestSpecs.NewWorkDirectory("sigint");
        var spec = TestSpecs.Write(work, "sigint.yaml", TestSpecs.Ofat("e2e-sigint", Epochs));
        using var running = SweepProgram.Start(work, "run", spec, "--out", "runs", "--slots", "1");
        var output = SweepProgram.Drain(running);
        var directory = await SweepResults.WaitForAsync(Path.Combine(work, "runs"), s => s.Epochs.Count > 0);

        using (var interrupt = Process.Start("kill", ["-INT", running.Id.ToString()]))
            await interrupt.WaitForExitAsync();
        await running.WaitForExitAsync();
        // The parameterless wait also waits until the output handlers have read everything the program printed.
        running.WaitForExit();

        Assert.Equal(130, running.ExitCode);
        Assert.Contains($"sweep resume {directory}", output().ReplaceLineEndings(""));
        var stopped = await SweepResults.ReadAsync(directory);
        Assert.DoesNotContain(stopped.Trials, t => t.State == TrialState.Running);
        var resumed = await SweepProgram.RunAsync(work, "resume", directory, "--slots", "1");
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.All((await SweepResults.ReadAsync(directory)).Trials, t => Assert.Equal(TrialState.Completed, t.State));
    }

    [Fact]
    public async Task SecondResume_WhileOneRuns_IsRefused()
    {
        var work = TestSpecs.NewWorkDirectory("lock");
        var spec = TestSpecs.Write(work, "lock.yaml", TestSpecs.Ofat("e2e-lock", Epochs));
        using var running = SweepProgram.Start(work, "run", spec, "--out", "runs", "--slots", "1");
        SweepProgram.Drain(running);
        try
        {
            var directory = await SweepResults.WaitForAsync(Path.Combine(work, "runs"), s => s.Epochs.Count > 0);

            var second = await SweepProgram.RunAsync(work, "resume", directory, "--slots", "1");

            Assert.Equal(2, second.ExitCode);
            Assert.Contains("another sweep process is running this sweep", second.Error);
        }
        finally
        {
            running.Kill(entireProcessTree: true);
        }
    }

    private static IEnumerable<string> Curve(SweepSnapshot snapshot, int index) => snapshot.Epochs
        .Where(e => e.TrialIndex == index)
        .Select(e => $"{e.Metrics.Epoch}:{e.Metrics.TrainLoss:R}:{e.Metrics.TrainAccuracy:R}:{e.Metrics.ValLoss:R}:{e.Metrics.ValAccuracy:R}:{e.Metrics.LearningRate:R}");

    private static IEnumerable<string> Curve(TrialRecord trial) => trial.Result!.Epochs
        .Select(e => $"{e.Epoch}:{e.TrainLoss:R}:{e.ValLoss:R}:{e.ValAccuracy:R}");

    private static async Task<string> KillWhenAsync(Process process, string outputRoot, Func<SweepSnapshot, bool> condition)
    {
        var directory = await SweepResults.WaitForAsync(outputRoot, condition);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return directory;
    }
}
