using Sweep.Trials.Data;
using Sweep.Trials.Specs;
using TorchSharp;

namespace Sweep.Trials.Tests.Data;

public sealed class DatasetPreparerTests
{
    private static readonly RawDataset Raw = SyntheticData.Raw(
        SyntheticData.Images(3, 20, channels: 3),
        SyntheticData.Images(3, 4, channels: 3, pixelOffset: 100));

    [Fact]
    public void Split_SameSeedSameSplit_OtherSeedDiffers()
    {
        var spec = new DatasetSpec { SplitSeed = 5 };

        var (train, validation, _) = DatasetPreparer.Split(Raw, spec, "spec.yaml");
        var (trainAgain, validationAgain, _) = DatasetPreparer.Split(Raw, spec, "spec.yaml");
        var (_, otherValidation, _) = DatasetPreparer.Split(Raw, spec with { SplitSeed = 6 }, "spec.yaml");

        Assert.Equal(validation.Pixels, validationAgain.Pixels);
        Assert.Equal(train.Pixels, trainAgain.Pixels);
        Assert.NotEqual(validation.Pixels, otherValidation.Pixels);
    }

    [Fact]
    public void Split_ValidationIsTheFractionAndStratified()
    {
        var (train, validation, _) = DatasetPreparer.Split(Raw, new DatasetSpec { ValidationFraction = 0.25 }, "spec.yaml");

        Assert.Equal(30, validation.Count);
        Assert.Equal(90, train.Count);
        Assert.Equal([5, 10, 15], validation.Labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public void Split_TrainSubsetIsStratifiedBeforeValidation()
    {
        var (train, validation, _) = DatasetPreparer.Split(Raw,
            new DatasetSpec { TrainSubset = 60, ValidationFraction = 0.5 }, "spec.yaml");

        Assert.Equal(60, train.Count + validation.Count);
        Assert.Equal([10, 20, 30], train.Labels.Concat(validation.Labels).GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public void Prepare_SubsetLargerThanFile_IsASpecError()
    {
        var error = Assert.Throws<SpecException>(() =>
            DatasetPreparer.Prepare(Raw, new DatasetSpec { TestSubset = 500 }, "sweep.yaml"));

        Assert.Equal("sweep.yaml: dataset.test_subset: expected 0 (all) or at most 24 (the images in test-file), found 500",
            error.Message);
    }

    [Fact]
    public void Prepare_NormalizesWithTrainingSplitStatisticsOnly()
    {
        var spec = new DatasetSpec { SplitSeed = 3, TestSubset = 12 };
        var (train, _, _) = DatasetPreparer.Split(Raw, spec, "spec.yaml");
        var expected = ChannelStatistics.Of(train);

        using var data = DatasetPreparer.Prepare(Raw, spec, "spec.yaml");

        Assert.Equal(expected.Mean, data.Mean);
        Assert.Equal(expected.Std, data.Std);
        Assert.NotEqual(ChannelStatistics.Of(Raw.Train).Mean, data.Mean);
        var channelMeans = data.TrainImages.mean([0, 2, 3]).data<float>().ToArray();
        var channelStds = data.TrainImages.std([0, 2, 3], unbiased: false).data<float>().ToArray();
        Assert.All(channelMeans, m => Assert.InRange(m, -1e-4f, 1e-4f));
        Assert.All(channelStds, s => Assert.InRange(s, 1 - 1e-4f, 1 + 1e-4f));
    }

    [Fact]
    public void Prepare_ShapesLabelsAndTestRawAgree()
    {
        using var data = DatasetPreparer.Prepare(Raw, new DatasetSpec { TestSubset = 12 }, "spec.yaml");

        Assert.Equal([96, 3, 4, 4], data.TrainImages.shape);
        Assert.Equal([24, 3, 4, 4], data.ValImages.shape);
        Assert.Equal([12, 3, 4, 4], data.TestImages.shape);
        Assert.Equal(torch.ScalarType.Int64, data.TrainLabels.dtype);
        Assert.Equal(torch.ScalarType.Float32, data.TestImages.dtype);
        Assert.Equal(data.TestRaw.Labels.Select(l => (long)l), data.TestLabels.data<long>().ToArray());
        var mean = torch.tensor(data.Mean.ToArray()).view(1, 3, 1, 1);
        var std = torch.tensor(data.Std.ToArray()).view(1, 3, 1, 1);
        var restored = (data.TestImages * std + mean).mul(255).round().to_type(torch.ScalarType.Byte);
        Assert.Equal(data.TestRaw.Pixels, restored.data<byte>().ToArray());
        Assert.Equal((3, 4, 4), (data.Channels, data.Height, data.Width));
        Assert.Equal(["class0", "class1", "class2"], data.ClassNames);
    }

    [Fact]
    public void ChannelStatistics_MatchesHandComputedValues()
    {
        var images = new ImageSet([0, 255, 0, 255, 10, 10, 10, 10], [0], 2, 2, 2, ["x"]);

        var statistics = ChannelStatistics.Of(images);

        Assert.Equal([0.5f, 10 / 255f], statistics.Mean);
        Assert.Equal([0.5f, 1f], statistics.Std);
    }
}
