using Sweep.FinetuneBench;

// Fine-tunes the same ResNet-18 (torchvision's, randomly initialised and saved as a state dict; layer4 and the new
// head trainable; 64 px inputs; batch 32) in turn with Sweep's trial runner as a sweep runs it (the frozen stages
// computed once per trial), with Sweep's runner sending every batch through the whole network (as the PyTorch loop
// does), and with PyTorch, as it runs by default and with oneDNN capped at AVX2 as Sweep caps it, on the same images. It prints each side's median images/s over its timed epochs after the
// first, each Sweep side's ratio to PyTorch (goal: Sweep ≥ 1.2× PyTorch), each Sweep run's start-up (which holds the
// frozen stages' one pass) and the resident memory at each epoch's end (goal: flat from epoch to epoch). The first epoch of a run is
// shown but not counted on either side: it warms up the allocator and libtorch's kernels (PyTorch's first epoch runs
// at a fraction of its later speed).
// Usage: Sweep.FinetuneBench [runs-per-side=2] [epochs=4] [threads=2] [train-images-per-class=640]
//        [sides=sweep,sweep-whole,pytorch,pytorch-avx2] (pytorch is always run: every ratio is to it)
var runs = args.Length > 0 ? int.Parse(args[0]) : 2;
var epochs = args.Length > 1 ? int.Parse(args[1]) : 4;
if (epochs < 3)
{
    Console.Error.WriteLine("epochs: expected at least 3 (the first warms up; memory is compared from the second on)");
    return 2;
}
var threads = args.Length > 2 ? int.Parse(args[2]) : 2;
var perClass = args.Length > 3 ? int.Parse(args[3]) : 640;
const string Python = "/usr/bin/python3";

var work = Path.Combine(Path.GetTempPath(), "sweep-finetune-bench");
if (Directory.Exists(work))
    Directory.Delete(work, recursive: true);
var images = Path.Combine(work, "images");
var weights = Path.Combine(work, "resnet18-random.pth");
GeneratedImages.Write(images, perClass, testPerClass: 32);
var script = Path.Combine(AppContext.BaseDirectory, "torch_finetune.py");
var peer = new PeerFinetune(Python, script, images, weights, threads);
// Sweep keeps oneDNN on AVX2 (OneDnnInstructionSet.cs); PyTorch uses the widest the CPU has.
var peerAvx2 = new PeerFinetune(Python, script, images, weights, threads, oneDnnIsa: "AVX2");
peer.WriteWeights(weights);
var sides = new Dictionary<string, Func<int, (IReadOnlyList<EpochRecord> Epochs, string Version, double? StartupSeconds)>>
{
    ["sweep"] = run => new SweepFinetune(images, weights, threads, frozenStagesOnce: true).Run(run, epochs),
    ["sweep-whole"] = run => new SweepFinetune(images, weights, threads, frozenStagesOnce: false).Run(run, epochs),
    ["pytorch"] = run => { var (records, version) = peer.Run(run, epochs); return (records, version, null); },
    ["pytorch-avx2"] = run => { var (records, version) = peerAvx2.Run(run, epochs); return (records, version, null); },
};
Console.WriteLine($"data: {2 * perClass} training images of {GeneratedImages.Size} px in 2 classes; {epochs} epochs per run; {threads} threads");
Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");

if (args.Length > 4)
{
    var chosen = args[4].Split(',').Append("pytorch").ToHashSet();
    foreach (var side in sides.Keys.Where(side => !chosen.Contains(side)).ToList())
        sides.Remove(side);
}
var rates = sides.Keys.ToDictionary(side => side, _ => new List<double>());
var memory = sides.Keys.ToDictionary(side => side, _ => new List<IReadOnlyList<long>>());
var versions = new Dictionary<string, string>();
for (var run = 0; run < runs; run++)
{
    // Rotate which side goes first so a slow stretch of a shared machine does not always hit the same one.
    foreach (var side in sides.Keys.Skip(run % sides.Count).Concat(sides.Keys.Take(run % sides.Count)))
    {
        var (records, version, startup) = sides[side](run);
        versions[side] = version;
        rates[side].AddRange(records.Skip(1).Select(r => r.ImagesPerSecond));
        memory[side].Add(records.Select(r => r.ResidentBytes).ToList());
        Console.WriteLine($"run {run + 1}/{runs} {side,-11} " + string.Join("  ", records.Select(r =>
            $"epoch {r.Epoch}: {r.ImagesPerSecond,6:0} images/s, {r.ResidentBytes / 1048576.0:0} MiB"))
            + (startup is { } seconds ? $"  (start-up {seconds:0.0} s)" : ""));
    }
}
Console.WriteLine($"load average after:  {File.ReadAllText("/proc/loadavg").Trim()}");

var peerMedian = Median(rates["pytorch"]);
foreach (var side in sides.Keys)
    Console.WriteLine($"{side,-11} ({versions[side]}): median {Median(rates[side]):0} images/s (epochs 2–{epochs})");
foreach (var side in sides.Keys.Where(side => side.StartsWith("sweep", StringComparison.Ordinal)))
{
    var ratio = Median(rates[side]) / peerMedian;
    Console.WriteLine($"ratio {side}/pytorch: {ratio:0.00}x (goal >= 1.20x: {(ratio >= 1.2 ? "met" : "not met")}); "
        + (rates.TryGetValue("pytorch-avx2", out var avx2) ? $"{side}/pytorch-avx2: {Median(rates[side]) / Median(avx2):0.00}x" : ""));
}
foreach (var (side, runsMemory) in memory)
{
    // Growth from the second epoch's end to the last's, in each run: flat means a few MiB at most.
    var growth = runsMemory.Select(r => (r[^1] - r[1]) / 1048576.0).ToList();
    Console.WriteLine($"memory  {side,-11} growth from epoch 2 to {epochs}: " + string.Join(", ", growth.Select(g => $"{g:+0;-0;0} MiB")));
}
return 0;

static double Median(IReadOnlyList<double> values)
{
    var sorted = values.Order().ToArray();
    var middle = sorted.Length / 2;
    return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
