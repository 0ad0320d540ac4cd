using MathNet.Numerics.Distributions;

namespace Sweep.Reports.Analysis;

public enum EffectVerdict { Better, Worse, WithinNoise, NoiseUnknown }

/// <summary>The mean of one configuration's objective over its seed repeats, as a noise judgement needs it.</summary>
/// <param name="StandardError">Sample standard deviation / √Count (0 with one repeat, which says nothing).</param>
public readonly record struct SeedMean(double Mean, double StandardError, int Count);

/// <param name="StandardError">Of the difference (or sum) judged; null when the noise is unknown.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite; infinite when every repeat agreed exactly.</param>
/// <param name="HalfWidth">Half the width of the 95 % confidence interval of the difference.</param>
public sealed record NoiseJudgement(EffectVerdict Verdict, double? StandardError, double? DegreesOfFreedom,
    double? HalfWidth);

/// <summary>The one rule by which Sweep calls a difference between configurations more than seed noise, wherever it
/// says so: the adaptive strategy's adoptions, the pairs it chooses for interactions, the effects table and the
/// interaction checks. The difference is a combination of independent means (two for an effect, four for an
/// interaction); it is real when its two-sided 95 % Welch t-interval excludes zero. With 2–3 seeds the t quantile
/// is 4.3–12.7 rather than the normal 1.96, which is what so small a sample warrants. With one seed on either side
/// the noise is unknown, and no change is called better or worse on noise grounds.</summary>
public static class SeedNoise
{
    public const double Confidence = 0.95;

    public const string Statement =
        "A change is called better or worse only when the 95 % confidence interval of its difference from its "
        + "reference excludes zero (Welch's t-interval over the seed repeats, Welch–Satterthwaite degrees of freedom); "
        + "otherwise it is within seed noise. With one seed per configuration the noise is unknown, and no change is "
        + "called better or worse.";

    /// <param name="improvement">The difference, signed so that positive is better.</param>
    /// <param name="means">Every mean the difference combines.</param>
    public static NoiseJudgement Judge(double improvement, params SeedMean[] means)
    {
        if (means.Length == 0 || means.Any(mean => mean.Count < 2))
            return new NoiseJudgement(EffectVerdict.NoiseUnknown, null, null, null);
        var variance = means.Sum(mean => mean.StandardError * mean.StandardError);
        var spreadOfVariance = means.Sum(mean => Math.Pow(mean.StandardError, 4) / (mean.Count - 1));
        var standardError = Math.Sqrt(variance);
        var degreesOfFreedom = spreadOfVariance > 0 ? variance * variance / spreadOfVariance : double.PositiveInfinity;
        var quantile = double.IsPositiveInfinity(degreesOfFreedom)
            ? Normal.InvCDF(0, 1, (1 + Confidence) / 2)
            : StudentT.InvCDF(0, 1, degreesOfFreedom, (1 + Confidence) / 2);
        var halfWidth = quantile * standardError;
        var verdict = Math.Abs(improvement) <= halfWidth ? EffectVerdict.WithinNoise
            : improvement > 0 ? EffectVerdict.Better
            : EffectVerdict.Worse;
        return new NoiseJudgement(verdict, standardError, degreesOfFreedom, halfWidth);
    }
}
