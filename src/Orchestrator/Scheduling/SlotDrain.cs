namespace Sweep.Orchestrator.Scheduling;

/// <summary>A host going away in order (SIGTERM to a cluster worker): its slots take no new trial, and each trial in
/// flight finishes its epoch, checkpoints and is given back, so another host continues it with nothing lost.</summary>
public sealed class SlotDrain
{
    private volatile bool draining;

    public bool Draining => draining;

    public void Begin() => draining = true;
}
