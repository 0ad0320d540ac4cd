using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>One finished round of adaptive OFAT, as the strategy recorded it.</summary>
/// <param name="Best">The round's candidate with the largest gain; null when none was measured.</param>
/// <param name="Outcome">What the strategy did, in words, with the evidence it acted on.</param>
public sealed record AdaptiveRound(int Round, IReadOnlyList<ChangeInfo> Baseline, DecisionMean? Reference,
    int ConfigurationsTried, DecisionCandidate? Best, bool Adopted, string Outcome);

/// <param name="Unrecorded">The sweep has adaptive rounds but was recorded before decisions were stored, so its path
/// cannot be shown as decided.</param>
public sealed record AdaptivePathInfo(IReadOnlyList<AdaptiveRound> Rounds, bool Unrecorded);

public static class AdaptivePath
{
    /// <summary>One row per round the strategy decided; empty unless the sweep is adaptive.</summary>
    public static AdaptivePathInfo Analyze(ReportInput input)
    {
        var rounds = input.SearchDecisions
            .Where(decision => decision.Kind == DecisionKinds.AdaptiveRound)
            .OrderBy(decision => decision.Round)
            .Select(Row)
            .ToList();
        return new AdaptivePathInfo(rounds, rounds.Count == 0 && input.Trials.Any(t => t.Round > 0));
    }

    private static AdaptiveRound Row(DecisionInfo decision)
    {
        var best = decision.Candidates.MaxBy(candidate => candidate.Gain);
        var adopted = decision.Candidates.FirstOrDefault(candidate => decision.Chosen.Contains(candidate.Measured.ConfigKey));
        return new AdaptiveRound(decision.Round, decision.Baseline, decision.Reference, decision.Candidates.Count,
            adopted ?? best, adopted is not null, Outcome(decision, adopted));
    }

    private static string Outcome(DecisionInfo decision, DecisionCandidate? adopted) => adopted is not null
        ? adopted.Noise.Verdict == EffectVerdict.Better
            ? "adopted: better beyond seed noise"
            : "adopted by its mean: with one seed the noise is unknown"
        : decision.StopReason switch
        {
            "NoImprovement" => "stopped: no change beat the round's baseline beyond seed noise",
            "ParametersExhausted" => "stopped: every parameter has been changed",
            "MaxTrials" => "stopped: max_trials reached before the round was complete",
            "BaselineNotMeasured" => "stopped: the round's baseline has no result",
            { } other => $"stopped: {other}",
            null => "no change adopted",
        };
}
