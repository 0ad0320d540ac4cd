namespace Sweep.Reports.Model;

/// <param name="State">One of <see cref="TrialStates"/>.</param>
/// <param name="Role">One of <see cref="TrialRoles"/>.</param>
/// <param name="Changes">Differences from the sweep's written baseline; empty for the baseline.</param>
/// <param name="ConfigKey">Shared by all seed repeats of one configuration; <c>baseline</c> for the baseline.</param>
/// <param name="Round">Adaptive OFAT: the round that planned the trial; otherwise 0.</param>
/// <param name="BestEpoch">1-based epoch whose weights the trial kept.</param>
/// <param name="Host">Where it trained: the host, or each host with its epochs when the trial moved
/// (<c>w0: 1-2; w2: 3-4</c>).</param>
/// <param name="PlannedEpochs">The epochs its spec asks for; null when not known.</param>
/// <param name="Decisions">What early stopping decided after each recorded epoch, as stored; empty when the sweep
/// recorded none.</param>
/// <param name="FinishedAt">When it completed, was pruned, diverged or failed; null while unfinished.</param>
public sealed record TrialInfo(
    int Index,
    string State,
    string Role,
    IReadOnlyList<ChangeInfo> Changes,
    int Repeat,
    long Seed,
    string ConfigKey,
    int Round,
    IReadOnlyList<EpochInfo> Epochs,
    int? BestEpoch,
    double? Objective,
    TestInfo? Test,
    SanityInfo? Sanity,
    long? TrainableParameters,
    double Seconds,
    string? Message,
    int? StoppedAtEpoch,
    string? Host,
    int? PlannedEpochs = null,
    IReadOnlyList<StopDecisionInfo>? Decisions = null,
    DateTimeOffset? FinishedAt = null)
{
    public IReadOnlyList<StopDecisionInfo> Decisions { get; init; } = Decisions ?? [];

    /// <summary>Epochs recorded (trained), against <see cref="PlannedEpochs"/>.</summary>
    public int EpochsTrained => Epochs.Count;

    /// <summary>Ran every planned epoch; true when the plan is unknown.</summary>
    public bool HadFullBudget => PlannedEpochs is not { } planned || Epochs.Count >= planned;
}

public static class TrialStates
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Pruned = "pruned";
    public const string Diverged = "diverged";
    public const string Failed = "failed";
    /// <summary>Stopped at an ASHA rung, waiting to be promoted (the sweep is unfinished).</summary>
    public const string Paused = "paused";

    /// <summary>Display order for counts on the page.</summary>
    public static readonly IReadOnlyList<string> All = [Completed, Running, Paused, Pending, Pruned, Diverged, Failed];
}

public static class TrialRoles
{
    public const string Baseline = "baseline";
    public const string SingleChange = "single-change";
    public const string Interaction = "interaction";
    public const string Grid = "grid";
    public const string Random = "random";
}
