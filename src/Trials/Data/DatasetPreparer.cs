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
        raw = ClassChoice.Apply(raw, spec.Classes, specFile);
        if (spec.Channels is { } channels)
            raw = raw.WithChannels(channels);
        var (train, validation, test) = Split(raw, spec, specFile);
        var statistics = InputNormalization.Statistics(spec.Normalize ?? NormalizeKind.Dataset, train);
        using var scope = NewDisposeScope();
        var (trainImages, trainLabels) = ToTensors(train, statistics);
        var (valImages, valLabels) = ToTensors(validation, statistics);
        var (testImages, testLabels) = ToTensors(test, statistics);
        // Detached so that a dispose scope the caller happens to be in cannot free tensors every trial shares.
        return new PreparedDataset(
            trainImages.DetachFromDisposeScope(), trainLabels.DetachFromDisposeScope(),
            valImages.DetachFromDisposeScope(), valLabels.DetachFromDisposeScope(),
            testImages.DetachFromDisposeScope(), testLabels.DetachFromDisposeScope(),
            test with { Whole = null }, statistics,
            train.Whole is { } whole ? ImageCanvas.Of(whole, train.Channels) : null);
    }

    /// <summary>The three splits: the test split held out of the training images first when the files have none,
    /// then the training images subset when asked, then validation held out of them unless the files define it.</summary>
    public static (ImageSet Train, ImageSet Validation, ImageSet Test) Split(RawDataset raw, DatasetSpec spec,
        string specFile)
    {
        var (trainPool, testPool) = raw.Test is { } files
            ? (raw.Train, files)
            : HoldOut(raw.Train, spec.TestFraction, Seeds.Derive(spec.SplitSeed, "test"), specFile, "dataset.test_fraction");
        var pool = Subset(trainPool, spec.TrainSubset, Seeds.Derive(spec.SplitSeed, "train-subset"), specFile,
            "dataset.train_subset", raw.TrainSource);
        var (train, validation) = raw.Validation is { } given
            ? (pool, given)
            : HoldOut(pool, spec.ValidationFraction, Seeds.Derive(spec.SplitSeed, "validation"), specFile,
                "dataset.validation_fraction");
        var test = Subset(testPool, spec.TestSubset, Seeds.Derive(spec.SplitSeed, "test-subset"), specFile,
            "dataset.test_subset", raw.TestSource);
        return (train, validation, test);
    }

    /// <summary>A stratified share of the images, and the rest.</summary>
    private static (ImageSet Kept, ImageSet HeldOut) HoldOut(ImageSet pool, double fraction, long seed,
        string specFile, string field)
    {
        var heldOutCount = (int)Math.Round(pool.Count * fraction);
        if (heldOutCount < 1 || heldOutCount >= pool.Count)
            throw new SpecException(specFile, null, field,
                $"expected a fraction leaving at least one image on either side out of {pool.Count}, found {fraction}");
        var heldOut = StratifiedSampler.Sample(pool.Labels, heldOutCount, seed);
        return (pool.Select(StratifiedSampler.Complement(pool.Count, heldOut)), pool.Select(heldOut));
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
