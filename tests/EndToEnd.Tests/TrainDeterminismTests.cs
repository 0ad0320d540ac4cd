using System.Text.Json.Nodes;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Training;

namespace Sweep.EndToEnd.Tests;

/// <summary>Two separate runs of <c>sweep train</c>, each its own process, agree to the last bit.</summary>
public sealed class TrainDeterminismTests : IDisposable
{
    private readonly string work = TestSpecs.NewWorkDirectory("train-determinism");

    public void Dispose() => Directory.Delete(work, recursive: true);

    /// <summary>Seeded dropout, flips and crops: every random stream of a trial.</summary>
    private const string Spec = """
        name: determinism
        seed: 17
        dataset:
          name: fashion-mnist
          train_subset: 1000
          test_subset: 300
          augmentation: { horizontal_flip: true, crop_padding: 2 }
        model:
          preset: two-conv
          channels: 4
          hidden: [16]
          dropout: 0.3
          dropout2d: 0.1
        training:
          epochs: 2
          batch_size: 32
          optimizer: adam
          lr: 0.003
        """;

    [Fact]
    public async Task TrainTwiceInSeparateProcesses_GivesIdenticalEpochAndTestMetrics()
    {
        var spec = TestSpecs.Write(work, "spec.yaml", Spec);

        var first = await TrainAsync(spec, "first");
        var second = await TrainAsync(spec, "second");

        Assert.Equal(TrialOutcome.Completed, first.Outcome);
        Assert.Equal(2, first.Epochs.Count);
        Assert.Equal(WithoutClock(first.Epochs), WithoutClock(second.Epochs));
        var (a, b) = (first.Test!, second.Test!);
        Assert.Equal((a.Accuracy, a.MacroF1, a.Loss), (b.Accuracy, b.MacroF1, b.Loss));
        Assert.Equal(a.PerClass, b.PerClass);
        Assert.Equal(a.ConfusionMatrix, b.ConfusionMatrix);
        Assert.Equal(a.Misclassified.Select(m => (m.Index, m.PredictedClass)), b.Misclassified.Select(m => (m.Index, m.PredictedClass)));
        Assert.Equal(first.Sanity, second.Sanity);
    }

    private async Task<TrialResult> TrainAsync(string spec, string name)
    {
        var output = Path.Combine(work, name);
        var run = await SweepProgram.RunAsync(work, "train", spec, "--out", output, "--threads", "1");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "result.json")))!;
        return SweepJson.Deserialize<TrialResult>(document["result"]!.ToJsonString());
    }

    private static List<EpochMetrics> WithoutClock(IEnumerable<EpochMetrics> epochs) =>
        epochs.Select(epoch => epoch with { Seconds = 0, SamplesPerSecond = 0 }).ToList();
}
