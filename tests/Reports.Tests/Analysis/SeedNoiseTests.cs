using Sweep.Reports.Analysis;

namespace Sweep.Reports.Tests.Analysis;

public class SeedNoiseTests
{
    [Fact]
    public void OneSeedOnEitherSide_LeavesTheNoiseUnknown()
    {
        var judgement = SeedNoise.Judge(0.5, new SeedMean(0.9, 0, 1), new SeedMean(0.4, 0.01, 3));

        Assert.Equal(EffectVerdict.NoiseUnknown, judgement.Verdict);
        Assert.Null(judgement.HalfWidth);
        Assert.Null(judgement.StandardError);
    }

    /// <summary>t(0.975, 2) = 4.302653 from the tables: with two seeds a side a difference needs more than four
    /// standard errors, where the old ±2 SE rule called 2.1 of them real.</summary>
    [Theory]
    [InlineData(0.06, EffectVerdict.WithinNoise)]
    [InlineData(0.062, EffectVerdict.Better)]
    [InlineData(-0.062, EffectVerdict.Worse)]
    public void TwoSeedsASide_UseStudentsTOnTwoDegreesOfFreedom(double improvement, EffectVerdict expected)
    {
        var judgement = SeedNoise.Judge(improvement, new SeedMean(0, 0.01, 2), new SeedMean(0, 0.01, 2));

        Assert.Equal(2, judgement.DegreesOfFreedom!.Value, 9);
        Assert.Equal(4.302653 * Math.Sqrt(2) * 0.01, judgement.HalfWidth!.Value, 6);
        Assert.Equal(expected, judgement.Verdict);
    }

    /// <summary>Welch–Satterthwaite with unequal repeats: (1 + 1)² / (1/1 + 1/4) = 3.2.</summary>
    [Fact]
    public void UnequalRepeats_GetWelchSatterthwaiteDegreesOfFreedom()
    {
        var judgement = SeedNoise.Judge(1, new SeedMean(0, 1, 2), new SeedMean(0, 1, 5));

        Assert.Equal(3.2, judgement.DegreesOfFreedom!.Value, 9);
        Assert.Equal(Math.Sqrt(2), judgement.StandardError!.Value, 9);
    }

    /// <summary>An interaction's residual combines four means; four pairs of seeds give 4 × (0.01²)² / … = 4 degrees
    /// of freedom, and t(0.975, 4) = 2.776445.</summary>
    [Fact]
    public void FourMeans_CombineTheirVariances()
    {
        var mean = new SeedMean(0, 0.01, 2);

        var judgement = SeedNoise.Judge(0.01, mean, mean, mean, mean);

        Assert.Equal(4, judgement.DegreesOfFreedom!.Value, 9);
        Assert.Equal(2.776445 * 0.02, judgement.HalfWidth!.Value, 6);
        Assert.Equal(EffectVerdict.WithinNoise, judgement.Verdict);
    }

    [Fact]
    public void RepeatsThatAgreeExactly_HaveNoNoise()
    {
        var judgement = SeedNoise.Judge(0.001, new SeedMean(0.8, 0, 3), new SeedMean(0.799, 0, 3));

        Assert.Equal(0, judgement.HalfWidth!.Value);
        Assert.Equal(EffectVerdict.Better, judgement.Verdict);
        Assert.Equal(EffectVerdict.WithinNoise, SeedNoise.Judge(0, new SeedMean(0.8, 0, 2), new SeedMean(0.8, 0, 2)).Verdict);
    }
}
