using System.Globalization;

namespace Sweep.Orchestrator.Tests.TestKit;

/// <summary>Sweep specs of the synthetic trial kind: the real reader and planner, no training and no data files.</summary>
internal static class SyntheticSpecs
{
    public const string Path = "/specs/synthetic.yaml";

    /// <summary>OFAT over the learning rate: the baseline, then one trial per listed value.</summary>
    public static string Ofat(int epochs = 3, string lrValues = "[0.0003, 0.003]", string extraSearch = "",
        double secondsPerEpoch = 0) => $$"""
        name: synthetic-ofat
        seed: 3
        kind: synthetic
        synthetic: { seconds_per_epoch: {{Number(secondsPerEpoch)}} }
        training:
          epochs: {{epochs}}
          lr: 0.001
        objective: { metric: val_accuracy, mode: max }
        search:
          strategy: ofat
          parameters:
            training.lr: {{lrValues}}
        {{extraSearch}}
        """;

    /// <summary>Only the baseline, with retries for failed attempts.</summary>
    public static string BaselineOnly(int retries) => $$"""
        name: synthetic-baseline
        seed: 3
        kind: synthetic
        training: { epochs: 2 }
        search:
          retries: {{retries}}
        """;

    /// <summary>A 4 × 5 grid: twenty trials.</summary>
    public static string Grid20(int epochs, double secondsPerEpoch, string earlyStopping = "{ policy: none }") => $$"""
        name: synthetic-grid
        seed: 9
        kind: synthetic
        synthetic: { seconds_per_epoch: {{Number(secondsPerEpoch)}} }
        training: { epochs: {{epochs}}, lr: 0.001 }
        search:
          strategy: grid
          parameters:
            training.lr: [0.0001, 0.0003, 0.001, 0.003]
            model.dropout: [0.0, 0.1, 0.2, 0.3, 0.4]
          early_stopping: {{earlyStopping}}
        """;

    /// <summary>Adaptive OFAT over two parameters: round 0 is the baseline and three single changes.</summary>
    public const string Adaptive = """
        name: synthetic-adaptive
        seed: 3
        kind: synthetic
        training: { epochs: 2, lr: 0.001 }
        search:
          strategy: ofat-adaptive
          parameters:
            training.lr: [0.01, 0.0001]
            model.dropout: [0.5]
        """;

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
