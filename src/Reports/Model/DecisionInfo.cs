using Sweep.Reports.Analysis;

namespace Sweep.Reports.Model;

public static class DecisionKinds
{
    /// <summary>A finished round of adaptive OFAT: which single change, if any, joins the baseline.</summary>
    public const string AdaptiveRound = "adaptive-round";

    /// <summary>Which round-0 changes are run together in pairs.</summary>
    public const string InteractionPairs = "interaction-pairs";
}

/// <summary>A configuration's objective over its seed repeats, as the strategy measured it when it decided.</summary>
public sealed record DecisionMean(string ConfigKey, IReadOnlyList<ChangeInfo> Changes, double Mean,
    double StandardError, int Count);

/// <param name="Gain">Improvement over the decision's reference, positive when better.</param>
public sealed record DecisionCandidate(DecisionMean Measured, double Gain, NoiseJudgement Noise);

/// <summary>One decision of the search strategy as the sweep's store recorded it: the report shows these and never
/// decides again by a rule of its own.</summary>
/// <param name="Chosen">Config keys acted on: the change adopted into the next round's baseline, or the changes
/// paired for the interaction check.</param>
/// <param name="StopReason">Adaptive OFAT: why the path ended on this round (the strategy's reason, by name).</param>
public sealed record DecisionInfo(string Kind, int Round, IReadOnlyList<ChangeInfo> Baseline, DecisionMean? Reference,
    IReadOnlyList<DecisionCandidate> Candidates, IReadOnlyList<string> Chosen, string? StopReason);
