using System.Diagnostics;
using Sweep.TrainThroughputBench;

// Trains one epoch of the probe CNN alternately with Sweep's trial runner and with PyTorch, then prints the median
// images/s of each, their ratio (goal: Sweep ≥ 1.3× PyTorch) and the achieved GFLOP/s against the CPU's FP32 peak.
// Usage: Sweep.TrainThroughputBench [runs-per-side=3] [threads=2] [data-dir=/usr/share/datasets/fashion-mnist]
var runs = args.Length > 0 ? int.Parse(args[0]) : 3;
var threads = args.Length > 1 ? int.Parse(args[1]) : 2;
var dataDirectory = args.Length > 2 ? args[2] : "/usr/share/datasets/fashion-mnist";
const string Python = "/usr/bin/python3";
var script = Path.Combine(AppContext.BaseDirectory, "torch_epoch.py");

var sweep = new SweepEpoch(threads, dataDirectory);
var peer = new PeerEpoch(Python, script, threads, dataDirectory);
var plan = sweep.Plan();
var flopsPerImage = TrainingFlops.PerImage(plan);
var peak = CpuPeak.Parse(RunAndRead("lscpu"), File.ReadAllText("/proc/cpuinfo"));

Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
var sweepRates = new List<double>();
var peerRates = new List<double>();
string sweepVersion = "", peerVersion = "";
for (var run = 0; run < runs; run++)
{
    // Alternate which side goes first so a slow stretch of a shared machine does not always hit the same one.
    var sides = run % 2 == 0 ? new[] { "sweep", "pytorch" } : ["pytorch", "sweep"];
    foreach (var side in sides)
    {
        double rate;
        if (side == "sweep")
        {
            var (measurement, environment) = sweep.Run(seed: run);
            rate = measurement.ImagesPerSecond;
            sweepRates.Add(rate);
            sweepVersion = $"TorchSharp {environment.TorchSharpVersion}, libtorch {environment.LibTorchVersion}";
        }
        else
        {
            var (measurement, torchVersion) = peer.Run(seed: run);
            rate = measurement.ImagesPerSecond;
            peerRates.Add(rate);
            peerVersion = $"PyTorch {torchVersion}";
        }
        Console.WriteLine($"run {run + 1}/{runs} {side,-8} {rate,8:0} images/s");
    }
}
Console.WriteLine($"load average after:  {File.ReadAllText("/proc/loadavg").Trim()}");

var sweepMedian = Median(sweepRates);
var peerMedian = Median(peerRates);
var ratio = sweepMedian / peerMedian;
Console.WriteLine($"sweep   ({sweepVersion}, {threads} threads): median {sweepMedian:0} images/s");
Console.WriteLine($"pytorch ({peerVersion}, {threads} threads): median {peerMedian:0} images/s");
Console.WriteLine($"ratio sweep/pytorch: {ratio:0.00}x (goal >= 1.30x: {(ratio >= 1.3 ? "met" : "not met")})");
Console.WriteLine($"model: {TrainingFlops.ForwardMacs(plan) / 1e6:0.00} M forward MACs/image -> "
    + $"{flopsPerImage / 1e6:0.0} MFLOP per trained image (3 x 2 x MACs)");
Console.WriteLine($"peak: {peak.Cores} cores x {peak.Gigahertz:0.000} GHz ({peak.ClockSource}) x {peak.FlopsPerCycle} "
    + $"FP32 FLOP/cycle ({peak.VectorUnit}, 2 FMA pipes) = {peak.Gflops:0.0} GFLOP/s");
foreach (var (name, median) in new[] { ("sweep", sweepMedian), ("pytorch", peerMedian) })
{
    var gflops = median * flopsPerImage / 1e9;
    Console.WriteLine($"achieved {name,-8} {gflops:0.0} GFLOP/s = {100 * gflops / peak.Gflops:0.0}% of peak");
}

static double Median(IReadOnlyList<double> values)
{
    var sorted = values.Order().ToArray();
    var middle = sorted.Length / 2;
    return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

static string RunAndRead(string program)
{
    using var process = Process.Start(new ProcessStartInfo(program) { RedirectStandardOutput = true })
        ?? throw new InvalidOperationException($"{program}: did not start");
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return output;
}
