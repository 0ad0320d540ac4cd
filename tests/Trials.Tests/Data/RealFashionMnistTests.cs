using Sweep.Trials.Data;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Data;

/// <summary>Reads Debian's Fashion-MNIST once for the whole class.</summary>
public sealed class RealFashionMnistFixture
{
    public RealFashionMnistFixture()
    {
        using var http = new HttpClient();
        Raw = new DatasetLoader(DataSources.Standard, new FileDownloader(http))
            .Load(new DatasetSpec(), dataDir: null, specFile: "sweep.yaml");
    }

    public RawDataset Raw { get; }
}

public sealed class RealFashionMnistTests(RealFashionMnistFixture fixture) : IClassFixture<RealFashionMnistFixture>
{
    [Fact]
    public void Load_FindsDebiansFiles_WithTheirFullCounts()
    {
        var (train, test) = (fixture.Raw.Train, fixture.Raw.Test!);

        Assert.Equal("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz", fixture.Raw.TrainSource);
        Assert.Equal((60000, 1, 28, 28), (train.Count, train.Channels, train.Height, train.Width));
        Assert.Equal((10000, 1, 28, 28), (test.Count, test.Channels, test.Height, test.Width));
        Assert.Equal(10, train.ClassNames.Count);
        Assert.Equal("Ankle boot", train.ClassNames[9]);
        Assert.All(train.Labels.GroupBy(label => label), group => Assert.Equal(6000, group.Count()));
        Assert.All(test.Labels.GroupBy(label => label), group => Assert.Equal(1000, group.Count()));
    }

    [Fact]
    public void Prepare_StratifiedSubsetsOfRealData_KeepClassesBalanced()
    {
        using var data = DatasetPreparer.Prepare(fixture.Raw,
            new DatasetSpec { TrainSubset = 2000, TestSubset = 500, SplitSeed = 11 }, "sweep.yaml");

        Assert.Equal([1600, 1, 28, 28], data.TrainImages.shape);
        Assert.Equal([400, 1, 28, 28], data.ValImages.shape);
        Assert.Equal([500, 1, 28, 28], data.TestImages.shape);
        var trainCounts = data.TrainLabels.bincount(null).data<long>().ToArray();
        var testCounts = data.TestLabels.bincount(null).data<long>().ToArray();
        Assert.All(trainCounts, count => Assert.Equal(160, count));
        Assert.All(testCounts, count => Assert.Equal(50, count));
        Assert.InRange(data.Mean[0], 0.2f, 0.4f);
        Assert.InRange(data.Std[0], 0.25f, 0.45f);
    }
}
