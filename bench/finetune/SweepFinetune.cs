using System.Diagnostics;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.FinetuneBench;

/// <summary>Fine-tunes ResNet-18 through Sweep's own training path, <see cref="TrialRunner"/>: the torchvision
/// weights loaded by name, the head replaced for two classes, layer4 and the head trained, BatchNorm outside them
/// frozen in eval mode.</summary>
internal sealed class SweepFinetune(string imageFolder, string weights, int threads)
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

    public (IReadOnlyList<EpochRecord> Epochs, string Version) Run(int seed, int epochs)
    {
        var clock = new EpochClock();
        var result = new TrialRunner().Run(Spec(seed, epochs), new TrialRunOptions(threads, SpecFile: "bench/finetune"),
            clock);
        if (result.Outcome != TrialOutcome.Completed)
            throw new InvalidOperationException($"the Sweep run ended {result.Outcome}: {result.Message}");
        return (clock.Epochs, $"TorchSharp {result.Environment.TorchSharpVersion}, libtorch {result.Environment.LibTorchVersion}");
    }

    /// <summary>Times each epoch's training batches from the end of its first batch to the end of its last, as the
    /// PyTorch side does, so data preparation, validation and test evaluation stay outside the measurement.</summary>
    private sealed class EpochClock : ITrialObserver
    {
        private long _firstBatchEnded;
        private int _timedImages;
        private readonly List<EpochRecord> _epochs = [];
        private double _seconds;

        public IReadOnlyList<EpochRecord> Epochs => _epochs;

        public void OnBatch(int epoch, int batch, int batchCount, double meanLoss)
        {
            if (batch == 1)
            {
                _firstBatchEnded = Stopwatch.GetTimestamp();
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
