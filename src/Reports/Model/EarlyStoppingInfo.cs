namespace Sweep.Reports.Model;

/// <summary>The spec's early-stopping policy and its parameters, as the sweep ran with them.</summary>
/// <param name="Policy">One of <see cref="EarlyStoppingPolicies"/>.</param>
/// <param name="GraceEpochs">No trial is stopped before this epoch (ASHA: the first rung).</param>
/// <param name="Reduction">ASHA: the top 1/reduction at each rung goes on; rungs at grace × reduction^k.</param>
/// <param name="MinTrials">Median rule: trials needed at an epoch before any is compared with their median.</param>
public sealed record EarlyStoppingInfo(string Policy, int GraceEpochs, int Reduction, int MinTrials)
{
    public static EarlyStoppingInfo None { get; } = new(EarlyStoppingPolicies.None, 1, 3, 3);

    public bool IsOn => Policy != EarlyStoppingPolicies.None;
}

public static class EarlyStoppingPolicies
{
    public const string None = "none";
    public const string Median = "median";
    public const string Asha = "asha";
}

/// <summary>What early stopping decided after one epoch of a trial, as the store recorded it.</summary>
/// <param name="Action">One of <see cref="StopActions"/>.</param>
public sealed record StopDecisionInfo(int Epoch, string Action, string Reason);

public static class StopActions
{
    public const string Continue = "continue";
    /// <summary>ASHA: waits at a rung for promotion.</summary>
    public const string Pause = "pause";
    public const string Prune = "prune";
    /// <summary>ASHA: paused at this rung, then let go on.</summary>
    public const string Promoted = "promoted";
}
