using System.Diagnostics;
using System.Text.Json;

namespace Sweep.TrainThroughputBench;

/// <summary>One epoch of the same CNN in PyTorch: runs torch_epoch.py in its own process and reads the JSON line it
/// prints last.</summary>
internal sealed class PeerEpoch(string python, string script, int threads, string dataDirectory)
{
    public (EpochMeasurement Measurement, string TorchVersion) Run(int seed)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { script, "--threads", $"{threads}", "--data", dataDirectory, "--seed", $"{seed}" },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{python}: did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{python} {script}: exit code {process.ExitCode}: {errors.Result.Trim()}");
        var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        using var json = JsonDocument.Parse(lastLine);
        var root = json.RootElement;
        return (new EpochMeasurement(root.GetProperty("images").GetInt64(), root.GetProperty("seconds").GetDouble()),
            root.GetProperty("torch").GetString() ?? "?");
    }
}
