using Sweep.Trials.Data;
using Sweep.Trials.Specs;
using Sweep.Trials.Tests.Data;
using Sweep.Trials.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Training;

/// <summary>An image folder's training batches with random resized crops are cut from the whole images, as
/// torchvision's are; everything else still sees only the centre squares.</summary>
public sealed class TrainingBatchTests : IDisposable
{
    private const int PerClass = 12;
    private readonly TemporaryFolder folder = new();
    private readonly PreparedDatasetCache cache = new(new DatasetLoader(DataSources.Standard, new FileDownloader(new HttpClient())));
    private readonly DatasetSpec cropping;

    public TrainingBatchTests()
    {
        cropping = new DatasetSpec
        {
            Name = DatasetKind.ImageFolder,
            Path = WideImageFolder.Create(folder.Path, PerClass),
            ImageSize = WideImageFolder.ImageSize,
            Channels = 3,
            Normalize = NormalizeKind.Imagenet,
            Augmentation = new AugmentationSpec { ResizedCropScale = 0.3 },
        };
    }

    public void Dispose()
    {
        cache.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void ResizedCrops_ReachBeyondTheCentreSquare_WhileValidationAndTrainEvaluationImagesNever()
    {
        var data = Get(cropping);
        using var scope = NewDisposeScope();

        var batches = Enumerable.Range(0, 4).Select(seed => Batch(data, cropping, new Generator((ulong)seed))).ToList();

        var croppedWithRed = batches.Sum(batch => WideImageFolder.HoldRed(batch, data.Mean, data.Std).Count(red => red));
        Assert.All(batches, batch => Assert.Equal([2 * PerClass, 3, WideImageFolder.ImageSize, WideImageFolder.ImageSize], batch.shape));
        Assert.InRange(croppedWithRed, 1, batches.Count * 2 * PerClass - 1);
        Assert.DoesNotContain(true, WideImageFolder.HoldRed(data.ValImages, data.Mean, data.Std));
        Assert.DoesNotContain(true, WideImageFolder.HoldRed(data.TrainImages, data.Mean, data.Std));
    }

    [Fact]
    public void ResizedCrops_AreReproducibleFromTheGenerator_AndLeaveTheSharedImagesUntouched()
    {
        var data = Get(cropping);
        using var scope = NewDisposeScope();
        var whole = data.WholeTrainImages!.Pixels.clone();
        var centres = data.TrainImages.clone();

        var first = Batch(data, cropping, new Generator(8));
        var again = Batch(data, cropping, new Generator(8));
        var other = Batch(data, cropping, new Generator(9));

        Assert.True(first.Equals(again));
        Assert.False(first.Equals(other));
        Assert.True(data.WholeTrainImages.Pixels.Equals(whole));
        Assert.True(data.TrainImages.Equals(centres));
    }

    /// <summary>A dataset of its own in the cache, since it holds more; the splits every trial evaluates on are the
    /// same images either way.</summary>
    [Fact]
    public void WithoutResizedCrops_NoWholeImagesAreKept_AndTheStoredSplitsAreTheSame()
    {
        var flipping = cropping with { Augmentation = new AugmentationSpec { HorizontalFlip = true } };

        var cropped = Get(cropping);
        var flipped = Get(flipping);

        Assert.NotSame(cropped, flipped);
        Assert.Same(flipped, Get(cropping with { Augmentation = new AugmentationSpec() }));
        Assert.Null(flipped.WholeTrainImages);
        Assert.Equal([2 * PerClass, 3, WideImageFolder.ImageSize, 2 * WideImageFolder.ImageSize],
            cropped.WholeTrainImages!.Pixels.shape);
        Assert.True(flipped.TrainImages.Equals(cropped.TrainImages));
        Assert.True(flipped.ValImages.Equals(cropped.ValImages));
    }

    private PreparedDataset Get(DatasetSpec spec) => cache.Get(spec, null, folder.File("sweep.yaml"));

    private static Tensor Batch(PreparedDataset data, DatasetSpec spec, Generator generator) =>
        TrainingBatch.Images(data, arange(data.TrainLabels.shape[0]), InputResizer.Of(spec),
            new Augmenter(spec.Augmentation, data.Mean, data.Std), generator);
}
