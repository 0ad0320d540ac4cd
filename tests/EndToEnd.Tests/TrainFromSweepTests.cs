using System.Text.Json.Nodes;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Training;

namespace Sweep.EndToEnd.Tests;

/// <summary><c>sweep train --from</c> reproduces a trial that an adaptive round added after the initial plan.</summary>
public sealed class TrainFromSweepTests : IDisposable
{
    private readonly string work = TestSpecs.NewWorkDirectory("train-from");

    public void Dispose() => Directory.Delete(work, recursive: true);

    /// <summary>A baseline rate far too low, so the higher rate is adopted and round 1 tries BatchNorm on it.</summary>
    private const string Spec = """
        name: train-from
        seed: 23
        dataset:
          name: fashion-mnist
          train_subset: 800
          test_subset: 200
        model:
          preset: two-conv
          channels: 4
          hidden: [16]
          dropout: 0.2
        training:
          epochs: 2
          batch_size: 32
          optimizer: adam
          lr: 0.00001
        objective: { metric: val_accuracy, mode: max }
        search:
          strategy: ofat-adaptive
          parameters:
            training.lr: [0.003]
            model.batch_norm: [true]
        """;

    [Fact]
    public async Task TrainFrom_ATrialOfAnAdaptiveRound_GivesTheSweepsNumbers()
    {
        var spec = TestSpecs.Write(work, "spec.yaml", Spec);
        var sweep = await SweepResults.UninterruptedAsync(work, spec, "--slots", "1");
        var added = sweep.Trials.First(t => t.Plan.Round > 0);
        var output = Path.Combine(work, "again");

        var run = await SweepProgram.RunAsync(work, "train", "--from", sweep.Directory, "--trial", $"{added.Plan.Index}",
            "--out", output);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "result.json")))!;
        var again = SweepJson.Deserialize<TrialResult>(document["result"]!.ToJsonString());
        var recorded = sweep.Epochs.Where(e => e.TrialIndex == added.Plan.Index).Select(e => e.Metrics);
        Assert.Equal(WithoutClock(recorded), WithoutClock(again.Epochs));
        Assert.Equal(2, again.Epochs.Count);
    }

    [Fact]
    public async Task TrainFrom_WithoutATrial_IsOneLineNamingWhatIsExpected()
    {
        var run = await SweepProgram.RunAsync(work, "train", "--from", work);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected --trial N", run.Error + run.Output);
        Assert.DoesNotContain("   at ", run.Error + run.Output);
    }

    private static List<EpochMetrics> WithoutClock(IEnumerable<EpochMetrics> epochs) =>
        epochs.Select(epoch => epoch with { Seconds = 0, SamplesPerSecond = 0 }).ToList();
}
