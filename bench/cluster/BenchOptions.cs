using System.Globalization;

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

    /// <summary><c>--name value</c> pairs.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!Names.Contains(args[i]) || i + 1 >= args.Length)
                throw new ArgumentException($"{args[i]}: expected one of {string.Join(", ", Names)} followed by a value");
            values[args[i]] = args[i + 1];
        }
        var measurements = List(values, "--only", string.Join(',', AllMeasurements), text => text);
        if (measurements.FirstOrDefault(m => !AllMeasurements.Contains(m)) is { } unknown)
            throw new ArgumentException($"--only: '{unknown}' is not one of {string.Join(", ", AllMeasurements)}");
        var throughputTrials = Count(values, "--throughput-trials", 10_000);
        return new BenchOptions(
            measurements,
            List(values, "--workers", "1,2,4,8", text => PositiveInt("--workers", text)),
            Count(values, "--scaling-trials", 32),
            Seconds(values, "--scaling-seconds", 2),
            throughputTrials,
            Count(values, "--throughput-workers", 8),
            Count(values, "--optuna-trials", throughputTrials),
            Count(values, "--failover-repeats", 5),
            Count(values, "--failover-epochs", 20),
            Seconds(values, "--failover-seconds", 1),
            values.GetValueOrDefault("--work") ?? Path.Combine(Path.GetTempPath(), "sweep-cluster-bench"));
    }

    private static List<T> List<T>(Dictionary<string, string> values, string name, string fallback,
        Func<string, T> parse) =>
        [.. (values.GetValueOrDefault(name) ?? fallback).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(parse)];

    private static int Count(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text) ? PositiveInt(name, text) : fallback;

    private static int PositiveInt(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new ArgumentException($"{name}: expected a whole number > 0, found '{text}'");

    private static double Seconds(Dictionary<string, string> values, string name, double fallback)
    {
        if (!values.TryGetValue(name, out var text))
            return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : throw new ArgumentException($"{name}: expected a number of seconds > 0, found '{text}'");
    }
}
