using System.Globalization;

namespace Sweep.OrchestrationOverheadBench;

public sealed record BenchOptions(int Trials, int Slots, int OptunaTrials, int OneSecondTrials, string WorkDirectory)
{
    private static readonly string[] Names = ["--trials", "--slots", "--optuna-trials", "--one-second-trials", "--work"];

    /// <summary><c>--name value</c> pairs; every option has a default, so no arguments runs the benchmark as documented.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!Names.Contains(args[i]) || i + 1 >= args.Length)
                throw new ArgumentException($"{args[i]}: expected one of {string.Join(", ", Names)} followed by a value");
            values[args[i]] = args[i + 1];
        }
        var trials = Count(values, "--trials", 10_000);
        return new BenchOptions(trials, Count(values, "--slots", 8), Count(values, "--optuna-trials", trials),
            Count(values, "--one-second-trials", 160),
            values.GetValueOrDefault("--work") ?? Path.Combine(Path.GetTempPath(), "sweep-orchestration-bench"));
    }

    private static int Count(Dictionary<string, string> values, string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text))
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new ArgumentException($"{name}: expected a whole number > 0, found '{text}'");
    }
}
