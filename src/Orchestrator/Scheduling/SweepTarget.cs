namespace Sweep.Orchestrator.Scheduling;

/// <summary>The sweep this process works on and where its files live.</summary>
public sealed record SweepTarget(string SweepId, string SweepDirectory, string? DataDirectory)
{
    public string TrialDirectory(int index) => Path.Combine(SweepDirectory, "trials", index.ToString("D4"));
}
