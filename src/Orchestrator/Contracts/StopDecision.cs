namespace Sweep.Orchestrator.Contracts;

/// <summary>Promoted replaces a Pause once ASHA lets the trial go on from that rung.</summary>
public enum StopAction { Continue, Pause, Prune, Promoted }

/// <summary>What early stopping decided after one epoch of a trial. Stored with the epoch, so the grain of any
/// silo and a trial replaying that epoch from its checkpoint act on the decision that was made, not on one made
/// again from a history that has moved on.</summary>
[GenerateSerializer, Immutable]
public sealed record StopDecision([property: Id(0)] StopAction Action, [property: Id(1)] string Reason)
{
    /// <summary>The trial stops running after this epoch, paused or pruned.</summary>
    public bool Stop => Action is StopAction.Pause or StopAction.Prune;

    public static StopDecision Continue(string reason) => new(StopAction.Continue, reason);
    public static StopDecision Pause(string reason) => new(StopAction.Pause, reason);
    public static StopDecision Prune(string reason) => new(StopAction.Prune, reason);
}
