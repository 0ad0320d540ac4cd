using System.Globalization;

namespace Sweep.OrchestrationOverheadBench;

/// <summary>The benchmark's sweeps: random search over a continuous learning rate (so any count of distinct
/// trials can be drawn), one synthetic epoch per trial that sleeps the given time and does no work.</summary>
public static class SyntheticSpecs
{
    public static string Random(string name, int trials, double secondsPerEpoch) => $$"""
        name: {{name}}
        seed: 5
        kind: synthetic
        synthetic: { seconds_per_epoch: {{secondsPerEpoch.ToString(CultureInfo.InvariantCulture)}} }
        training:
          epochs: 1
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
