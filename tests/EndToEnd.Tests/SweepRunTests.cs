using Sweep.Orchestrator.Contracts;

namespace Sweep.EndToEnd.Tests;

public sealed class SweepRunTests
{
    [Fact]
    public async Task OfatSweep_CompletesEveryTrialWithItsEpochs()
    {
        var work = TestSpecs.NewWorkDirectory("ofat");
        var spec = TestSpecs.Write(work, "ofat.yaml", TestSpecs.Ofat("e2e-ofat"));

        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", "runs", "--slots", "1");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var snapshot = await SweepResults.ReadAsync(SweepResults.SingleSweepDirectory(Path.Combine(work, "runs")));
        Assert.Equal(6, snapshot.Trials.Count);
        Assert.All(snapshot.Trials, trial =>
        {
            Assert.Equal(TrialState.Completed, trial.State);
            Assert.Equal(trial.Plan.Role == "baseline" ? 0 : 1, trial.Plan.Changes.Count);
            Assert.Equal([1, 2], snapshot.Epochs.Where(e => e.TrialIndex == trial.Index).Select(e => e.Metrics.Epoch));
            Assert.NotNull(trial.Result?.Test);
        });
        var baseline = snapshot.Trials.Single(t => t.Plan.Role == "baseline");
        Assert.InRange(baseline.Result!.Test!.Accuracy, 0.6, 1.0);
        Assert.Contains("sweep.db", run.Output);
        Assert.True(File.Exists(Path.Combine(snapshot.Directory, "report", "index.html")));

        var status = await SweepProgram.RunAsync(work, "status", snapshot.Directory);
        Assert.Contains("completed 6", status.Output);
        var listed = await SweepProgram.RunAsync(work, "status", snapshot.Directory, "--trials");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("baseline", listed.Output);
        Assert.Contains("training.lr: 0.001 → 0.003", listed.Output);
        var export = await SweepProgram.RunAsync(work, "export", snapshot.Directory, "--format", "csv");
        var rows = export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, rows.Length);
        Assert.StartsWith("number,state,role,change,repeat,seed,params_", rows[0]);
        var curves = await SweepProgram.RunAsync(work, "export", snapshot.Directory, "--epochs");
        Assert.Equal(1 + 6 * 2, curves.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
