using Sweep.AccuracyBench;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

// Trains the small-100k preset (77,786 parameters) on the full Fashion-MNIST (48,000 train / 12,000 validation) for up
// to 15 epochs and prints its test accuracy next to the dataset's own benchmark row for 2-conv nets under 100K
// parameters, read from Debian's copy of the Fashion-MNIST README.
// Usage: Sweep.AccuracyBench [epochs=15] [threads=2] [data-dir=/usr/share/datasets/fashion-mnist]
var epochs = args.Length > 0 ? int.Parse(args[0]) : 15;
var threads = args.Length > 1 ? int.Parse(args[1]) : 2;
var dataDirectory = args.Length > 2 ? args[2] : "/usr/share/datasets/fashion-mnist";
const string ReadmePath = "/usr/share/doc/dataset-fashion-mnist/README.md.gz";
const string PeerRow = "2 Conv <100K parameters";
const string Preset = "small-100k";
const string SpecName = "bench/accuracy";

// Read the reference first so a missing README fails before an hour of training.
var reference = BenchmarkRow.ReadGzip(ReadmePath, PeerRow);
var peerLine = $"peer    Fashion-MNIST benchmark \"{reference.Classifier}\" (preprocessing: {reference.Preprocessing}): "
    + $"test accuracy {reference.FashionTestAccuracy:0.000}";
Console.WriteLine(peerLine);

// The preset as it stands with Adam at its default rate under a cosine decay; no augmentation, like the reference
// row. "Up to": training stops early when validation loss has not improved for 3 epochs, and the test accuracy is
// that of the epoch with the best validation accuracy.
var spec = new TrialSpec
{
    Name = $"accuracy-{Preset}",
    Seed = 1,
    Dataset = new DatasetSpec { Name = DatasetKind.FashionMnist, ValidationFraction = 0.2 },
    Model = ModelPresets.Named(Preset, SpecName),
    Training = new TrainingSpec
    {
        Epochs = epochs, BatchSize = 64, Optimizer = OptimizerKind.Adam, Lr = 1e-3, Schedule = ScheduleKind.Cosine,
        Patience = 3, MisclassifiedExamples = 0,
    },
};

Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
var result = new TrialRunner().Run(spec, new TrialRunOptions(threads, SpecFile: SpecName, DataDirectory: dataDirectory),
    new EpochPrinter(Console.Out, epochs));
Console.WriteLine($"load average after:  {File.ReadAllText("/proc/loadavg").Trim()}");
if (result.Test is not { } test)
    throw new InvalidOperationException($"training ended {result.Outcome} without a test evaluation: {result.Message}");

Console.WriteLine($"sweep   {Preset} ({result.Model?.TrainableParameters:N0} parameters, {result.Epochs.Count} epochs, "
    + $"best epoch {result.BestEpoch}, {result.Seconds / 60:0.0} min): test accuracy {test.Accuracy:0.0000}");
Console.WriteLine(peerLine);
Console.WriteLine($"difference: {test.Accuracy - reference.FashionTestAccuracy:+0.0000;-0.0000}");
