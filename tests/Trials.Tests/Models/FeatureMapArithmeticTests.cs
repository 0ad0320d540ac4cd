using Sweep.Trials.Models;

namespace Sweep.Trials.Tests.Models;

public sealed class FeatureMapArithmeticTests
{
    [Theory]
    [InlineData(28, 3, 1, 1, 1, 28)] // "same" padding keeps the size
    [InlineData(28, 3, 0, 1, 1, 26)]
    [InlineData(28, 5, 2, 2, 1, 14)] // (28 + 4 − 4 − 1) / 2 + 1 = 13 + 1
    [InlineData(28, 3, 1, 1, 2, 26)] // dilation 2 makes a 3×3 kernel span 5
    [InlineData(7, 3, 0, 2, 1, 3)]
    [InlineData(13, 3, 1, 2, 2, 6)] // (13 + 2 − 4 − 1) / 2 + 1
    [InlineData(3, 3, 0, 1, 1, 1)]
    [InlineData(2, 3, 0, 2, 1, 0)] // numerator −1: floor gives 0, truncation would wrongly give 1
    [InlineData(2, 5, 0, 1, 1, -2)]
    public void ConvOutput_MatchesHandComputedSizes(int size, int kernel, int padding, int stride, int dilation, int expected) =>
        Assert.Equal(expected, FeatureMapArithmetic.ConvOutput(size, kernel, padding, stride, dilation));

    [Theory]
    [InlineData(28, 14)]
    [InlineData(7, 3)]
    [InlineData(1, 0)]
    public void PoolOutput_HalvesAndFloors(int size, int expected) =>
        Assert.Equal(expected, FeatureMapArithmetic.PoolOutput(size));

    [Theory]
    [InlineData(112, 56)] // ResNet's stem max-pool, 3×3 stride 2 padding 1
    [InlineData(7, 4)]
    [InlineData(1, 1)] // the padding keeps a 1×1 map alive
    public void PoolOutput_WithPadding_FollowsTheConvolutionFormula(int size, int expected) =>
        Assert.Equal(expected, FeatureMapArithmetic.PoolOutput(size, kernel: 3, padding: 1, stride: 2));
}
