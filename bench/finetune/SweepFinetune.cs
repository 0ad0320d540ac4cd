using System.Diagnostics;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.FinetuneBench;

/// <summary>Fine-tunes ResNet-18 through Sweep's own training path, <see cref="TrialRunner"/>: the torchvision
/// weights loaded by name, the head replaced for two classes, layer4 and the head trained, BatchNorm outside them
/// frozen in eval mode. With <paramref name="frozenStagesOnce"/> the runner computes the frozen stages' outputs once
/// per trial, as a sweep does; without, every batch runs through the whole network, as the PyTorch loop does.</summary>
internal sealed class SweepFinetune(string imageFolder, string weights, int threads, bool frozenStagesOnce)
{
    public const int BatchSize = 32;

    public TrialSpec Spec(int seed, int epochs) => new()
    {
        Name = "finetune-bench",
        Seed = seed,
        Dataset = new DatasetSpec
        {
            Name = DatasetKind.ImageFolder, Path = imageFolder, ImageSize = GeneratedImages.Size, Channels = 3,
            ValidationFraction = 0.05,
        },
        Model = new ModelSpec
        {
            Kind = ModelKind.Resnet, Depth = 18, Stem = ResNetStem.Imagenet, Pretrained = weights, ReplaceHead = true,
            Trainable = ["layer4", "fc"],
        },
        Training = new TrainingSpec
        {
            Epochs = epochs, BatchSize = BatchSize, Optimizer = OptimizerKind.Sgd, Lr = 0.01, Momentum = 0.9,
            MisclassifiedExamples = 0,
        },
    };

    /// <summary>The timed epochs, the versions, and the seconds from the trial's start to the end of its first batch
    /// (reading the images, building and loading the network, the sanity check and, when on, the frozen stages' pass).</summary>
    public (IReadOnlyList<EpochRecord> Epochs, string Version, double StartupSeconds) Run(int seed, int epochs)
    {
        var clock = new EpochClock();
        var runner = new TrialRunner(frozenStagesOnce ? FrozenFeatures.MostBytes : 0);
        var result = runner.Run(Spec(seed, epochs), new TrialRunOptions(threads, SpecFile: "bench/finetune"),
            clock);
        if (result.Outcome != TrialOutcome.Completed)
            throw new InvalidOperationException($"the Sweep run ended {result.Outcome}: {result.Message}");
        return (clock.Epochs, $"TorchSharp {result.Environment.TorchSharpVersion}, libtorch {result.Environment.LibTorchVersion}",
            clock.StartupSeconds);
    }

    /// <summary>Times each epoch's training batches from the end of its first batch to the end of its last, as the
    /// PyTorch side does, so data preparation, validation and test evaluation stay outside the measurement.</summary>
    private sealed class EpochClock : ITrialObserver
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private long _firstBatchEnded;
        private int _timedImages;
        private readonly List<EpochRecord> _epochs = [];
        private double _seconds;

        public IReadOnlyList<EpochRecord> Epochs => _epochs;
        public double StartupSeconds { get; private set; }

        public void OnBatch(int epoch, int batch, int batchCount, double meanLoss)
        {
            if (batch == 1)
            {
                _firstBatchEnded = Stopwatch.GetTimestamp();
                if (epoch == 1)
                    StartupSeconds = Stopwatch.GetElapsedTime(_started, _firstBatchEnded).TotalSeconds;
                _timedImages = 0;
            }
            else
                _timedImages += BatchSize;
            if (batch == batchCount)
                _seconds = Stopwatch.GetElapsedTime(_firstBatchEnded).TotalSeconds;
        }

        public EpochDecision OnEpoch(EpochMetrics metrics)
        {
            using var self = Process.GetCurrentProcess();
            _epochs.Add(new EpochRecord(metrics.Epoch, _timedImages, _seconds, self.WorkingSet64));
            return EpochDecision.Continue;
        }
    }
}
