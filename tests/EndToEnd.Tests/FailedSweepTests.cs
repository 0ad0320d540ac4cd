using Sweep.Orchestrator.Contracts;

namespace Sweep.EndToEnd.Tests;

/// <summary>A sweep whose every trial fails while training: what <c>run</c> prints, returns and leaves behind.</summary>
public sealed class FailedSweepTests
{
    [Fact]
    public async Task EveryTrialFailing_ExitsNonZero_NamesEachFailureInOneLine_AndKeepsTheTracesInTheSweepLog()
    {
        var work = TestSpecs.NewWorkDirectory("allfail");
        // Only a trial loads its pretrained weights: validate and the run's data check do not read them.
        var weights = Path.Combine(work, "weights.pt");
        await File.WriteAllTextAsync(weights, "these bytes were never a model");
        var spec = TestSpecs.Write(work, "allfail.yaml", $$"""
            name: e2e-all-fail
            seed: 3
            dataset: { name: fashion-mnist, train_subset: 200, test_subset: 100 }
            model: { preset: two-conv, channels: 4, hidden: [8], pretrained: "{{weights}}" }
            training: { epochs: 1, batch_size: 32 }
            search:
              strategy: ofat
              retries: 0
              parameters:
                training.lr: [0.01]
            """);
        Assert.Equal(0, (await SweepProgram.RunAsync(work, "validate", spec)).ExitCode);

        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", "runs", "--slots", "1");

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}\n{run.Output}\n{run.Error}");
        Assert.DoesNotContain("   at ", run.Output + run.Error);
        var directory = SweepResults.SingleSweepDirectory(Path.Combine(work, "runs"));
        var trials = (await SweepResults.ReadAsync(directory)).Trials;
        Assert.Equal(2, trials.Count);
        Assert.All(trials, trial => Assert.Equal(TrialState.Failed, trial.State));
        var lines = (run.Output + run.Error).Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var report = await File.ReadAllTextAsync(Path.Combine(directory, "report", "index.html"));
        foreach (var trial in trials)
        {
            var failure = Assert.Single(lines, line => line.Contains($"trial {trial.Index} failed", StringComparison.Ordinal));
            Assert.Equal($"trial {trial.Index} failed: {trial.Message}", failure);
            Assert.Contains("does not fit this model", trial.Message);
            Assert.Contains($"<li>#{trial.Index}: {System.Net.WebUtility.HtmlEncode(trial.Message)}</li>", report);
        }
        var log = await File.ReadAllTextAsync(Path.Combine(directory, "sweep.log"));
        Assert.All(trials, trial => Assert.Contains($"trial {trial.Index} failed: {trial.Message}", log));
        Assert.Contains("   at Sweep.Trials.Models.TransferLearning.", log);
    }
}
