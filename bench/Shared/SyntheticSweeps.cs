using System.Globalization;

namespace Sweep.Bench;

/// <summary>The benchmarks' sweeps: random search over a continuous learning rate (so any count of distinct trials can
/// be drawn), synthetic epochs that sleep the given time and train nothing, so every figure is the orchestration's
/// own cost.</summary>
public static class SyntheticSweeps
{
    public static string Random(string name, int trials, int epochs, double secondsPerEpoch) => $$"""
        name: {{name}}
        seed: 5
        kind: synthetic
        synthetic: { seconds_per_epoch: {{secondsPerEpoch.ToString(CultureInfo.InvariantCulture)}} }
        training:
          epochs: {{epochs}}
          lr: 0.001
        objective: { metric: val_accuracy, mode: max }
        search:
          strategy: random
          trials: {{trials}}
          max_trials: {{trials}}
          parameters:
            training.lr: { log_uniform: [0.00001, 0.1] }
        """;
}
