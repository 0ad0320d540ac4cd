using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sweep.ClusterBench;

/// <summary>What Optuna did, or why it could not run with that storage.</summary>
public sealed record OptunaFigures(string Storage, int Trials, TimeSpan Elapsed, string? Unavailable)
{
    public double TrialsPerSecond => Trials / Elapsed.TotalSeconds;
}

/// <summary>Runs <c>optuna_random.py</c> with Debian's Python (python3-optuna 3.1; the first python3 on PATH may
/// lack it), one process, RandomSampler, on SQLite or on a JournalRedisStorage in the benchmark's redis-server.</summary>
public static partial class OptunaPeer
{
    public const string Python = "/usr/bin/python3";

    public static Task<OptunaFigures> SqliteAsync(ChildProcesses children, int trials, string directory) =>
        RunAsync(children, "sqlite", trials, directory);

    public static Task<OptunaFigures> RedisAsync(ChildProcesses children, int trials, int redisPort) =>
        RunAsync(children, "redis", trials, $"redis://127.0.0.1:{redisPort}/0");

    private static async Task<OptunaFigures> RunAsync(ChildProcesses children, string storage, int trials, string where)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "optuna_random.py");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { script, storage, trials.ToString(CultureInfo.InvariantCulture), where },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = children.Start(start);
        var output = new CapturedOutput(process);
        await process.WaitForExitAsync();
        if (Unavailable().Match(output.Text) is { Success: true } unavailable)
            return new OptunaFigures(storage, 0, TimeSpan.Zero, unavailable.Groups[1].Value.Trim());
        var match = Summary().Match(output.Text);
        if (process.ExitCode != 0 || !match.Success)
            throw new InvalidOperationException($"{script} {storage}: exited with {process.ExitCode}; expected a line "
                + $"'optuna_trials=N optuna_seconds=S', got:\n{output.Tail()}");
        return new OptunaFigures(storage, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)), null);
    }

    [GeneratedRegex(@"optuna_trials=(\d+) optuna_seconds=([0-9.]+)")]
    private static partial Regex Summary();

    [GeneratedRegex(@"optuna_unavailable=(.*)")]
    private static partial Regex Unavailable();
}
