using Sweep.Reports.Analysis;
using Sweep.Reports.Model;

namespace Sweep.Orchestrator.Search;

/// <summary>A configuration's objective over its measured seed repeats, as the decision saw it.</summary>
public sealed record MeasuredConfiguration(string ConfigKey, IReadOnlyList<ParameterChange> Changes, double Mean,
    double StandardError, int Count)
{
    public static MeasuredConfiguration Of(ConfigurationSummary summary) =>
        new(summary.Key, summary.Changes, summary.Mean, summary.StandardError, summary.Count);

    public SeedMean Seed => new(Mean, StandardError, Count);
}

/// <param name="Gain">Mean improvement over the decision's reference, positive when better in either mode.</param>
/// <param name="Noise">That gain judged by <see cref="SeedNoise"/>, the one rule the report states.</param>
public sealed record JudgedConfiguration(MeasuredConfiguration Measured, double Gain, NoiseJudgement Noise)
{
    /// <summary>Whether the evidence lets the strategy act on this change: better beyond seed noise or, when one seed
    /// leaves the noise unknown, better by its mean (the report says which).</summary>
    public bool Supported => Noise.Verdict == EffectVerdict.Better
        || (Noise.Verdict == EffectVerdict.NoiseUnknown && Gain > 0);

    public static JudgedConfiguration Against(Trials.Specs.ObjectiveMode mode, ConfigurationSummary candidate,
        ConfigurationSummary reference)
    {
        var measured = MeasuredConfiguration.Of(candidate);
        var gain = ObjectiveGain.Of(mode, candidate.Mean, reference.Mean);
        return new JudgedConfiguration(measured, gain,
            SeedNoise.Judge(gain, measured.Seed, MeasuredConfiguration.Of(reference).Seed));
    }
}

/// <summary>What the search strategy decided at one step, recorded in the store when it is made, so that the report
/// reads the decision instead of deriving it again by a rule of its own.</summary>
/// <param name="Key">Unique within a sweep (<c>round-2</c>, <c>interactions</c>): the first record of a key stands.</param>
/// <param name="Reference">What the candidates were measured against: the round's baseline, or the written one.</param>
/// <param name="Chosen">Config keys of the candidates acted on: the change adopted, or the changes paired.</param>
/// <param name="StopReason">Adaptive OFAT only: set on the round where the path ended.</param>
/// <param name="Kind">One of <see cref="DecisionKinds"/>.</param>
public sealed record SearchDecision(
    string Key,
    string Kind,
    int Round,
    IReadOnlyList<ParameterChange> Baseline,
    MeasuredConfiguration? Reference,
    IReadOnlyList<JudgedConfiguration> Candidates,
    IReadOnlyList<string> Chosen,
    AdaptiveStopReason? StopReason);
