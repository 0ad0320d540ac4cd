using Sweep.Bench;
using Sweep.Orchestrator.Contracts;

namespace Sweep.OrchestrationOverheadBench;

/// <summary>What one synthetic sweep took. <c>Span</c> runs from the first lease to the last finish as the store
/// recorded them (the scheduling alone); <c>Wall</c> adds starting and stopping the silo.</summary>
public sealed record SweepRunFigures(int Trials, int Completed, int Slots, double SecondsPerTrial, TimeSpan Span,
    TimeSpan Wall)
{
    public double TrialsPerSecond => Trials / Span.TotalSeconds;

    /// <summary>Slot time spent per trial beyond the trial's own work: every slot is busy for the whole span, so
    /// whatever the trials did not use went to leasing, reporting, storing and waiting.</summary>
    public TimeSpan OverheadPerTrial => TimeSpan.FromSeconds(Slots * Span.TotalSeconds / Trials - SecondsPerTrial);

    /// <summary>The makespan with perfect packing and no overhead.</summary>
    public TimeSpan Ideal => TimeSpan.FromSeconds(Math.Ceiling((double)Trials / Slots) * SecondsPerTrial);

    public double SpanOverheadPercent => Percent(Span);

    public double WallOverheadPercent => Percent(Wall);

    private double Percent(TimeSpan makespan) => 100 * (makespan / Ideal - 1);

    public static SweepRunFigures From(CompletedSweep sweep, int slots, double secondsPerTrial)
    {
        var trials = sweep.Trials;
        var first = trials.Min(t => t.StartedAt) ?? throw new InvalidOperationException("no trial ever started");
        var last = trials.Max(t => t.FinishedAt) ?? throw new InvalidOperationException("no trial ever finished");
        return new SweepRunFigures(trials.Count, trials.Count(t => t.State == TrialState.Completed), slots,
            secondsPerTrial, last - first, sweep.Wall);
    }
}
