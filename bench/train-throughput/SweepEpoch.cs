using Sweep.Trials.Data;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.TrainThroughputBench;

/// <summary>One epoch of the probe CNN through Sweep's own training path, <see cref="TrialRunner"/>.</summary>
internal sealed class SweepEpoch(int threads, string? dataDirectory)
{
    private const string SpecName = "bench/train-throughput";

    /// <summary>The two-conv preset (conv32 → pool → conv64 → pool → fc128), Adam 1e-3, batch 64, one epoch.
    /// The trial runner needs at least one validation image, so the split keeps exactly one and trains on the other
    /// 59,999; the test evaluation after training (outside the clock) uses a 1,000-image subset to keep runs short.</summary>
    public static TrialSpec ProbeSpec(int seed) => new()
    {
        Name = "train-throughput",
        Seed = seed,
        Dataset = new DatasetSpec { Name = DatasetKind.FashionMnist, ValidationFraction = 1.0 / 60_000, TestSubset = 1000 },
        Model = ModelPresets.Named("two-conv", SpecName),
        Training = new TrainingSpec
        {
            Epochs = 1, BatchSize = 64, Optimizer = OptimizerKind.Adam, Lr = 1e-3, MisclassifiedExamples = 0,
        },
    };

    /// <summary>The probe network as the trial runner plans it (the same process-wide dataset cache the runner
    /// then reuses), for counting its arithmetic.</summary>
    public ModelPlan Plan()
    {
        var spec = ProbeSpec(seed: 0);
        var data = DatasetCache.Get(spec.Dataset, dataDirectory, SpecName);
        return ModelPlanner.Plan(spec.Model, data.Channels, data.Height, data.Width, data.ClassNames.Count, SpecName);
    }

    public (EpochMeasurement Measurement, RunEnvironment Environment) Run(int seed)
    {
        var spec = ProbeSpec(seed);
        var trainImages = DatasetCache.Get(spec.Dataset, dataDirectory, SpecName).TrainLabels.shape[0];
        var clock = new BatchClock();
        var result = new TrialRunner().Run(spec, new TrialRunOptions(threads, SpecFile: SpecName,
            DataDirectory: dataDirectory), clock);
        if (result.Outcome != TrialOutcome.Completed)
            throw new InvalidOperationException($"the Sweep epoch ended {result.Outcome}: {result.Message}");
        var timedImages = trainImages - Math.Min(spec.Training.BatchSize, trainImages);
        return (new EpochMeasurement(timedImages, clock.Seconds), result.Environment);
    }
}
