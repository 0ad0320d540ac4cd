using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;

namespace Sweep.ClusterBench;

/// <summary>What a finished sweep's records say about its run: from the first trial's lease (StartedAt) to the last
/// trial's finish, as the grain stamped them. Starting workers and the submitter's pull and report fall outside.</summary>
public sealed record StoreSpan(int Trials, int Completed, DateTimeOffset First, DateTimeOffset Last)
{
    public TimeSpan Span => Last - First;

    public double TrialsPerSecond => Trials / Span.TotalSeconds;

    public static StoreSpan Of(IReadOnlyList<TrialRecord> trials) => new(trials.Count,
        trials.Count(t => t.State == TrialState.Completed),
        trials.Min(t => t.StartedAt) ?? throw new InvalidOperationException("no trial ever started"),
        trials.Max(t => t.FinishedAt) ?? throw new InvalidOperationException("no trial ever finished"));
}
