using Sweep.Trials.Data;

namespace Sweep.Trials.Tests.Data;

public sealed class StratifiedSamplerTests
{
    private static readonly int[] Labels = SyntheticData.Images(4, 25).Labels; // 25, 50, 75, 100 per class

    [Fact]
    public void Sample_KeepsClassProportions()
    {
        var chosen = StratifiedSampler.Sample(Labels, 50, seed: 1);

        var perClass = chosen.GroupBy(index => Labels[index]).OrderBy(g => g.Key).Select(g => g.Count());
        Assert.Equal([5, 10, 15, 20], perClass);
        Assert.Equal(chosen.Order(), chosen);
        Assert.Equal(50, chosen.Distinct().Count());
    }

    [Fact]
    public void Sample_SameSeedSameChoice_OtherSeedDiffers()
    {
        Assert.Equal(StratifiedSampler.Sample(Labels, 40, 7), StratifiedSampler.Sample(Labels, 40, 7));
        Assert.NotEqual(StratifiedSampler.Sample(Labels, 40, 7), StratifiedSampler.Sample(Labels, 40, 8));
    }

    [Fact]
    public void Quotas_RoundByLargestRemainder_AndSumToCount()
    {
        Assert.Equal([1, 1, 1], StratifiedSampler.Quotas([10, 10, 10], 3));
        Assert.Equal([2, 1, 1], StratifiedSampler.Quotas([10, 10, 10], 4));
        Assert.Equal([0, 3], StratifiedSampler.Quotas([1, 9], 3));
    }

    [Fact]
    public void Complement_IsEverythingElseInOrder()
    {
        Assert.Equal([0, 2, 4], StratifiedSampler.Complement(5, [3, 1]));
    }
}
