using System.Diagnostics;

namespace Sweep.ClusterBench;

/// <summary>CPU time a set of processes used over an interval, against the wall time: on two shared cores, whether
/// the cluster waits on the network and Redis or on the processor decides what would make it faster.</summary>
public sealed class CpuMeter
{
    private readonly IReadOnlyList<Process> processes;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly TimeSpan start;

    public CpuMeter(IReadOnlyList<Process> processes)
    {
        this.processes = processes;
        start = Total();
    }

    public TimeSpan Used => Total() - start;

    public TimeSpan Wall => wall.Elapsed;

    /// <summary>Cores kept busy on average.</summary>
    public double Cores => Used / Wall;

    private TimeSpan Total()
    {
        var total = TimeSpan.Zero;
        foreach (var process in processes)
        {
            try
            {
                process.Refresh();
                total += process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                // Exited: its time is no longer readable, and a measurement needs every worker alive anyway.
            }
        }
        return total;
    }
}
