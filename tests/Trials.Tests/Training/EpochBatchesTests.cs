using Sweep.Trials.Data;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

public sealed class EpochBatchesTests
{
    [Theory]
    [InlineData(64, 32, new long[] { 32, 32 })]
    [InlineData(65, 32, new long[] { 32, 33 })]
    [InlineData(66, 32, new long[] { 32, 32, 2 })]
    [InlineData(33, 32, new long[] { 33 })]
    [InlineData(1, 32, new long[] { 1 })]
    [InlineData(5, 1, new long[] { 1, 1, 1, 1, 1 })]
    public void Batches_AreOfTheBatchSize_ALoneLastImageJoiningTheBatchBefore(long images, int batchSize, long[] sizes)
    {
        var count = EpochBatches.Count(images, batchSize);

        Assert.Equal(sizes, Enumerable.Range(0, count).Select(batch => EpochBatches.Range(batch, images, batchSize).Size));
    }

    [Fact]
    public void Batches_CoverEveryImageOnceInOrder_AndNoneHoldsOneImageUnlessItMust()
    {
        for (var images = 1L; images <= 200; images++)
            for (var batchSize = 1; batchSize <= 40; batchSize++)
            {
                var next = 0L;
                for (var batch = 0; batch < EpochBatches.Count(images, batchSize); batch++)
                {
                    var (start, size) = EpochBatches.Range(batch, images, batchSize);
                    Assert.Equal(next, start);
                    Assert.True(size > 1 || images == 1 || batchSize == 1, $"{images} images, batch {batchSize}");
                    next += size;
                }
                Assert.Equal(images, next);
            }
    }
}

[Collection(TrainingCollection.Name)]
public sealed class LoneLastImageTests
{
    /// <summary>Batches one image shorter than the training split leave one over: alone, it would give the head's
    /// BatchNorm (an MLP's, which sees features, not pixels) one value per feature to normalise, and the trial would end diverged.</summary>
    [Fact]
    public void ADataSizeLeavingOneImageOver_TrainsABatchNormHeadToTheEnd()
    {
        var tiny = Tiny(seed: 71, epochs: 1, trainSubset: 200, testSubset: 50);
        var trainImages = DatasetCache.Get(tiny.Dataset, null, SpecPath).TrainLabels.shape[0];
        var spec = tiny with
        {
            Model = tiny.Model with { Kind = ModelKind.Mlp, BatchNorm = true },
            Training = tiny.Training with { BatchSize = (int)trainImages - 1 },
        };

        var result = Train(spec);

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        Assert.True(double.IsFinite(result.Epochs[0].TrainLoss));
    }
}
