using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sweep.OrchestrationOverheadBench;

public sealed record OptunaFigures(int Trials, TimeSpan Elapsed)
{
    public double TrialsPerSecond => Trials / Elapsed.TotalSeconds;
}

/// <summary>Runs <c>optuna_trivial.py</c> with Debian's Python (the first python3 on PATH lacks Optuna).</summary>
public static partial class OptunaPeer
{
    public const string Python = "/usr/bin/python3";

    /// <param name="sampler"><c>random</c> (the like-for-like peer) or <c>tpe</c> (Optuna's default).</param>
    public static async Task<OptunaFigures> RunAsync(int trials, string directory, string sampler)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "optuna_trivial.py");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { script, trials.ToString(CultureInfo.InvariantCulture), directory, sampler },
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = Summary().Match(output);
        if (process.ExitCode != 0 || !match.Success)
            throw new InvalidOperationException(
                $"{script}: exited with {process.ExitCode}; expected a line 'optuna_trials=N optuna_seconds=S', got '{output.Trim()}'");
        return new OptunaFigures(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex(@"optuna_trials=(\d+) optuna_seconds=([0-9.]+)")]
    private static partial Regex Summary();
}
