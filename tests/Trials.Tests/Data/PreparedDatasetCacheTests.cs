using Sweep.Trials.Data;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Data;

public sealed class PreparedDatasetCacheTests
{
    private static readonly RawDataset Raw = SyntheticData.Raw(SyntheticData.Images(2, 10), SyntheticData.Images(2, 3));

    [Fact]
    public async Task Get_ConcurrentCallersForOneKey_ShareASingleLoad()
    {
        var loads = 0;
        using var release = new ManualResetEventSlim();
        using var cache = new PreparedDatasetCache((_, _, _) =>
        {
            Interlocked.Increment(ref loads);
            release.Wait();
            return Raw;
        });
        var spec = new DatasetSpec { SplitSeed = 1 };

        var callers = Enumerable.Range(0, 4)
            .Select(_ => Task.Factory.StartNew(() => cache.Get(spec, null, "sweep.yaml"), TaskCreationOptions.LongRunning))
            .ToArray();
        SpinWait.SpinUntil(() => Volatile.Read(ref loads) == 1);
        release.Set();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, loads);
        Assert.All(results, result => Assert.Same(results[0], result));
    }

    [Fact]
    public void Get_AugmentationAndDownloadDoNotSplitTheCache_DataSettingsDo()
    {
        var loads = 0;
        using var cache = new PreparedDatasetCache((_, _, _) =>
        {
            loads++;
            return Raw;
        });
        var spec = new DatasetSpec { SplitSeed = 1 };

        var first = cache.Get(spec, null, "sweep.yaml");
        var augmented = cache.Get(spec with { Download = true, Augmentation = new AugmentationSpec { HorizontalFlip = true } },
            null, "sweep.yaml");
        // IDX files hold whole images already: a random resized crop cuts from the stored ones.
        var cropped = cache.Get(spec with { Augmentation = new AugmentationSpec { ResizedCropScale = 0.5 } }, null, "sweep.yaml");
        var otherSplit = cache.Get(spec with { SplitSeed = 2 }, null, "sweep.yaml");
        var otherFraction = cache.Get(spec with { ValidationFraction = 0.3 }, null, "sweep.yaml");

        Assert.Same(first, augmented);
        Assert.Same(first, cropped);
        Assert.Null(cropped.WholeTrainImages);
        Assert.NotSame(first, otherSplit);
        Assert.NotSame(otherSplit, otherFraction);
        Assert.Equal(3, loads);
    }

    [Fact]
    public void Get_FailedLoad_IsRetriedByTheNextCaller()
    {
        var attempts = 0;
        using var cache = new PreparedDatasetCache((_, _, _) =>
            ++attempts == 1 ? throw new DataFileException("mnist", "expected files, found none") : Raw);

        Assert.Throws<DataFileException>(() => cache.Get(new DatasetSpec(), null, "sweep.yaml"));
        var data = cache.Get(new DatasetSpec(), null, "sweep.yaml");

        Assert.Equal(2, attempts);
        Assert.Equal(24, data.TrainImages.shape[0]);
    }

    [Fact]
    public void Dispose_FreesTheSharedTensors()
    {
        var cache = new PreparedDatasetCache((_, _, _) => Raw);
        var data = cache.Get(new DatasetSpec(), null, "sweep.yaml");

        cache.Dispose();

        Assert.True(data.TrainImages.IsInvalid);
        Assert.Throws<ObjectDisposedException>(() => cache.Get(new DatasetSpec(), null, "sweep.yaml"));
    }
}
