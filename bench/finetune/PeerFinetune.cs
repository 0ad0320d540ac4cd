using System.Diagnostics;
using System.Text.Json;

namespace Sweep.FinetuneBench;

/// <summary>The same fine-tuning in PyTorch: runs torch_finetune.py in its own process and reads the JSON line it
/// prints per epoch. <paramref name="oneDnnIsa"/>, when set, caps oneDNN's instruction set as Sweep caps its own
/// (<c>ONEDNN_MAX_CPU_ISA</c>), for a comparison at the same kernels.</summary>
internal sealed class PeerFinetune(string python, string script, string imageFolder, string weights, int threads,
    string? oneDnnIsa = null)
{
    public (IReadOnlyList<EpochRecord> Epochs, string Version) Run(int seed, int epochs)
    {
        var output = Python("--data", imageFolder, "--weights", weights, "--threads", $"{threads}", "--seed", $"{seed}",
            "--epochs", $"{epochs}", "--batch-size", $"{SweepFinetune.BatchSize}");
        var records = new List<EpochRecord>();
        var version = "?";
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            version = root.GetProperty("torch").GetString() ?? "?";
            records.Add(new EpochRecord(root.GetProperty("epoch").GetInt32(), root.GetProperty("images").GetInt64(),
                root.GetProperty("seconds").GetDouble(), root.GetProperty("resident_bytes").GetInt64()));
        }
        return (records, $"PyTorch {version}");
    }

    /// <summary>torchvision's ResNet-18 as its constructor initialises it (seeded), saved as a state dict: the
    /// "pretrained" weights both sides start from.</summary>
    public void WriteWeights(string path) => Python("--write-weights", path);

    private string Python(params string[] arguments)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (oneDnnIsa is not null)
            start.Environment["ONEDNN_MAX_CPU_ISA"] = oneDnnIsa;
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{python}: did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{python} {script}: exit code {process.ExitCode}: {errors.Result.Trim()}");
        return output;
    }
}
