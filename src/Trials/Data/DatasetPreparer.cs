using Sweep.Trials.Seeding;
using Sweep.Trials.Specs;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Data;

/// <summary>Turns the files as read into the splits a trial uses: stratified subsets, a stratified
/// train/validation split, and normalization with statistics of the training split only (so nothing about the
/// validation or test images leaks into training).</summary>
public static class DatasetPreparer
{
    public static PreparedDataset Prepare(RawDataset raw, DatasetSpec spec, string specFile)
    {
        var (train, validation) = Split(raw, spec, specFile);
        var test = Subset(raw.Test, spec.TestSubset, Seeds.Derive(spec.SplitSeed, "test-subset"), specFile,
            "dataset.test_subset", raw.TestSource);
        var statistics = ChannelStatistics.Of(train);
        using var scope = NewDisposeScope();
        var (trainImages, trainLabels) = ToTensors(train, statistics);
        var (valImages, valLabels) = ToTensors(validation, statistics);
        var (testImages, testLabels) = ToTensors(test, statistics);
        // Detached so that a dispose scope the caller happens to be in cannot free tensors every trial shares.
        return new PreparedDataset(
            trainImages.DetachFromDisposeScope(), trainLabels.DetachFromDisposeScope(),
            valImages.DetachFromDisposeScope(), valLabels.DetachFromDisposeScope(),
            testImages.DetachFromDisposeScope(), testLabels.DetachFromDisposeScope(),
            test, statistics);
    }

    /// <summary>The training file, subset when asked, split into training and validation parts.</summary>
    public static (ImageSet Train, ImageSet Validation) Split(RawDataset raw, DatasetSpec spec, string specFile)
    {
        var pool = Subset(raw.Train, spec.TrainSubset, Seeds.Derive(spec.SplitSeed, "train-subset"), specFile,
            "dataset.train_subset", raw.TrainSource);
        var validationCount = (int)Math.Round(pool.Count * spec.ValidationFraction);
        if (validationCount < 1 || validationCount >= pool.Count)
            throw new SpecException(specFile, null, "dataset.validation_fraction",
                $"expected a fraction leaving at least one validation and one training image out of {pool.Count}, found {spec.ValidationFraction}");
        var validationIndices = StratifiedSampler.Sample(pool.Labels, validationCount,
            Seeds.Derive(spec.SplitSeed, "validation"));
        var trainIndices = StratifiedSampler.Complement(pool.Count, validationIndices);
        return (pool.Select(trainIndices), pool.Select(validationIndices));
    }

    private static ImageSet Subset(ImageSet images, int size, long seed, string specFile, string field, string source)
    {
        if (size == 0)
            return images;
        if (size < 0 || size > images.Count)
            throw new SpecException(specFile, null, field,
                $"expected 0 (all) or at most {images.Count} (the images in {source}), found {size}");
        return images.Select(StratifiedSampler.Sample(images.Labels, size, seed));
    }

    private static (Tensor Images, Tensor Labels) ToTensors(ImageSet images, ChannelStatistics statistics)
    {
        long[] shape = [images.Count, images.Channels, images.Height, images.Width];
        var mean = tensor(statistics.Mean).view(1, images.Channels, 1, 1);
        var std = tensor(statistics.Std).view(1, images.Channels, 1, 1);
        var pixels = tensor(images.Pixels, shape).to_type(ScalarType.Float32);
        var normalized = pixels.div_(255f).sub_(mean).div_(std);
        var labels = tensor(images.Labels.Select(label => (long)label).ToArray());
        return (normalized, labels);
    }
}
