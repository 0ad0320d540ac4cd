using Sweep.Reports.Model;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Search;

public enum AdaptiveStopReason
{
    /// <summary>No single change beat the round's baseline beyond seed noise (or, with one seed, by its mean).</summary>
    NoImprovement,
    /// <summary>Every parameter has been changed, or none has a value left to try.</summary>
    ParametersExhausted,
    /// <summary>A round could not be planned in full within MaxTrials; it is judged on what was measured.</summary>
    MaxTrials,
    /// <summary>The round's baseline has no measured trial (all failed or diverged), so nothing can be compared.</summary>
    BaselineNotMeasured,
}

/// <summary>A single change tried in a round, judged against that round's baseline.</summary>
public sealed record AdaptiveCandidate(ParameterChange Change, JudgedConfiguration Judged)
{
    public double Gain => Judged.Gain;
}

/// <summary>One finished round of coordinate ascent.</summary>
/// <param name="Baseline">The round's baseline: every change accepted so far (empty in round 0).</param>
/// <param name="Chosen">The change accepted into the next round's baseline, if any.</param>
public sealed record AdaptiveRound(
    int Round,
    IReadOnlyList<ParameterChange> Baseline,
    ConfigurationSummary? BaselineSummary,
    IReadOnlyList<AdaptiveCandidate> Candidates,
    AdaptiveCandidate? Chosen);

/// <summary>Where coordinate ascent stands.</summary>
/// <param name="Rounds">The rounds whose trials have all finished, in order; once stopped, the last one is where
/// the path ended (no change chosen).</param>
/// <param name="StopReason">Set once the path has ended; null while it goes on.</param>
/// <param name="ToPlan">Configurations of the current round not yet in the history; empty while they run.</param>
/// <param name="Best">The changes of the best configuration found so far (the last accepted baseline).</param>
public sealed record AdaptivePathInfo(
    IReadOnlyList<AdaptiveRound> Rounds,
    AdaptiveStopReason? StopReason,
    IReadOnlyList<Configuration> ToPlan,
    IReadOnlyList<ParameterChange> Best);

/// <summary>Replays adaptive OFAT (coordinate ascent) over the history. Round 0 is OFAT; when a round has
/// finished, its best supported change (<see cref="JudgedConfiguration.Supported"/>: better beyond seed noise, or by
/// its mean when one seed leaves the noise unknown) becomes part of the baseline, and the next round tries single
/// changes of the remaining parameters on top of it. Every decision follows from the history, so the replay is the
/// state; the grain records each round's decision as it is made.</summary>
public static class AdaptivePath
{
    public static AdaptivePathInfo Trace(SweepSpec spec, IReadOnlyList<TrialObservation> history)
    {
        var summaries = ConfigurationSummary.Measure(history);
        var byKey = history.ToLookup(observation => observation.Trial.ConfigKey, StringComparer.Ordinal);
        var full = history.Count >= spec.Search.MaxTrials;
        var mode = spec.Baseline.Objective.Mode;
        var rounds = new List<AdaptiveRound>();
        IReadOnlyList<ParameterChange> baseline = [];

        for (var round = 0; ; round++)
        {
            var candidates = SingleChanges.OnTopOf(spec, baseline, round);
            // The round's baseline is listed too; it is only planned when no earlier round measured it (round 0).
            var configurations = new List<Configuration>
                { new(baseline, round == 0 ? TrialRoles.Baseline : TrialRoles.SingleChange, round) };
            configurations.AddRange(candidates);

            var missing = configurations.Where(configuration => !byKey[configuration.Key].Any()).ToList();
            if (missing.Count > 0 && !full)
                return new AdaptivePathInfo(rounds, null, missing, baseline);
            if (configurations.Any(configuration => byKey[configuration.Key].Any(trial => !trial.State.IsFinished())))
                return new AdaptivePathInfo(rounds, null, [], baseline);

            var baselineSummary = summaries.GetValueOrDefault(ConfigKeys.Of(baseline));
            if (candidates.Count == 0)
                return Stopped(rounds, round, baseline, baselineSummary, [], AdaptiveStopReason.ParametersExhausted);
            List<AdaptiveCandidate> measured = baselineSummary is null ? [] : candidates
                .Where(candidate => summaries.ContainsKey(candidate.Key))
                .Select(candidate => Compare(mode, candidate, summaries[candidate.Key], baselineSummary))
                .ToList();
            if (missing.Count > 0 && measured.Count == 0)
                return Stopped(rounds, round, baseline, baselineSummary, [], AdaptiveStopReason.MaxTrials);
            if (baselineSummary is null)
                return Stopped(rounds, round, baseline, null, [], AdaptiveStopReason.BaselineNotMeasured);

            var chosen = measured
                .Where(candidate => candidate.Judged.Supported)
                .MaxBy(candidate => candidate.Gain);
            if (chosen is null)
                return Stopped(rounds, round, baseline, baselineSummary, measured,
                    missing.Count > 0 ? AdaptiveStopReason.MaxTrials : AdaptiveStopReason.NoImprovement);

            rounds.Add(new AdaptiveRound(round, baseline, baselineSummary, measured, chosen));
            baseline = [.. baseline, chosen.Change];
        }
    }

    /// <summary>One decision per finished round: the change adopted, or on the last round, why the path ended.</summary>
    public static IReadOnlyList<SearchDecision> Decisions(AdaptivePathInfo path) =>
        path.Rounds.Select((round, i) => new SearchDecision(
                $"round-{round.Round}",
                DecisionKinds.AdaptiveRound,
                round.Round,
                round.Baseline,
                round.BaselineSummary is { } summary ? MeasuredConfiguration.Of(summary) : null,
                round.Candidates.Select(candidate => candidate.Judged).ToList(),
                round.Chosen is { } chosen ? [chosen.Judged.Measured.ConfigKey] : [],
                i == path.Rounds.Count - 1 ? path.StopReason : null))
            .ToList();

    /// <summary>The candidate's own change is its last one: it was planned as the round's baseline plus one.</summary>
    private static AdaptiveCandidate Compare(ObjectiveMode mode, Configuration candidate, ConfigurationSummary summary,
        ConfigurationSummary baseline) =>
        new(candidate.Changes[^1], JudgedConfiguration.Against(mode, summary, baseline));

    private static AdaptivePathInfo Stopped(List<AdaptiveRound> rounds, int round,
        IReadOnlyList<ParameterChange> baseline, ConfigurationSummary? baselineSummary,
        IReadOnlyList<AdaptiveCandidate> candidates, AdaptiveStopReason reason)
    {
        rounds.Add(new AdaptiveRound(round, baseline, baselineSummary, candidates, null));
        return new AdaptivePathInfo(rounds, reason, [], baseline);
    }
}
