using Sweep.Bench;

namespace Sweep.ClusterBench;

/// <summary>What to measure and how big. Every option has a default, so no arguments runs the benchmark as
/// documented; smaller sizes try it out on a busy machine.</summary>
public sealed record BenchOptions(
    IReadOnlyList<string> Measurements,
    IReadOnlyList<int> ScalingWorkers,
    int ScalingTrials,
    double ScalingSeconds,
    int ThroughputTrials,
    int ThroughputWorkers,
    int OptunaTrials,
    int FailoverRepeats,
    int FailoverEpochs,
    double FailoverSeconds,
    string WorkDirectory)
{
    public static readonly string[] AllMeasurements = ["scaling", "throughput", "failover"];

    private static readonly string[] Names =
    [
        "--only", "--workers", "--scaling-trials", "--scaling-seconds", "--throughput-trials", "--throughput-workers",
        "--optuna-trials", "--failover-repeats", "--failover-epochs", "--failover-seconds", "--work",
    ];

    public bool Runs(string measurement) => Measurements.Contains(measurement);

    public static BenchOptions Parse(string[] args)
    {
        var values = new BenchArguments(args, Names);
        var measurements = values.List("--only", string.Join(',', AllMeasurements), text => text);
        if (measurements.FirstOrDefault(m => !AllMeasurements.Contains(m)) is { } unknown)
            throw new ArgumentException($"--only: '{unknown}' is not one of {string.Join(", ", AllMeasurements)}");
        var throughputTrials = values.Count("--throughput-trials", 10_000);
        return new BenchOptions(
            measurements,
            values.List("--workers", "1,2,4,8", text => BenchArguments.PositiveInt("--workers", text)),
            values.Count("--scaling-trials", 32),
            values.Seconds("--scaling-seconds", 2),
            throughputTrials,
            values.Count("--throughput-workers", 8),
            values.Count("--optuna-trials", throughputTrials),
            values.Count("--failover-repeats", 5),
            values.Count("--failover-epochs", 20),
            values.Seconds("--failover-seconds", 1),
            values.Text("--work", Path.Combine(Path.GetTempPath(), "sweep-cluster-bench")));
    }
}
