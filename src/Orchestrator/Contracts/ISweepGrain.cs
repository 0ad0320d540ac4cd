using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Contracts;

/// <summary>Owns one sweep: hands trials to worker slots under leases, records what they report, decides early
/// stopping, and asks the strategy for more trials as results arrive. Keyed by the sweep id.</summary>
public interface ISweepGrain : IGrainWithStringKey
{
    Task<LeaseResponse> LeaseAsync(string owner);
    Task<EpochDecision> ReportEpochAsync(int index, string owner, EpochMetrics metrics);
    Task<bool> RenewAsync(int index, string owner);
    Task<bool> FinishAsync(int index, string owner, TrialFinished finished);

    /// <summary>Finishes a trial and leases the next one to <paramref name="nextOwner"/> in the same call, so a slot
    /// that stays with this sweep goes from one trial to the next in one round trip.</summary>
    Task<FinishResponse> FinishAndLeaseAsync(int index, string owner, TrialFinished finished, string nextOwner);
    Task ReleaseAsync(int index, string owner, string? reason);
    Task<SweepProgress> GetProgressAsync();
}
