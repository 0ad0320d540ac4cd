using System.Globalization;

namespace Sweep.EndToEnd.Tests.Hostile;

/// <summary>Sweeps of the synthetic trial kind: the real program, store, grain and report with no training and no
/// data, so a hostile case costs seconds.</summary>
public static class SyntheticSweep
{
    /// <summary>A 4 × 5 grid: twenty trials.</summary>
    public static string Grid(int epochs = 3, double secondsPerEpoch = 0) => $$"""
        name: hostile-grid
        seed: 9
        kind: synthetic
        synthetic: { seconds_per_epoch: {{secondsPerEpoch.ToString(CultureInfo.InvariantCulture)}} }
        training: { epochs: {{epochs}}, lr: 0.001 }
        objective: { metric: val_accuracy, mode: max }
        search:
          strategy: grid
          parameters:
            training.lr: [0.0001, 0.0003, 0.001, 0.003]
            model.dropout: [0.0, 0.1, 0.2, 0.3, 0.4]
        """;

    /// <summary>Runs a small grid to its end under <paramref name="outputRoot"/>; returns its sweep directory.</summary>
    public static async Task<string> RunFinishedAsync(string work, string outputRoot)
    {
        var spec = TestSpecs.Write(work, "grid.yaml", Grid());
        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", outputRoot, "--slots", "1");
        Refusals.AssertSucceeded(run);
        return SweepResults.SingleSweepDirectory(outputRoot);
    }
}
