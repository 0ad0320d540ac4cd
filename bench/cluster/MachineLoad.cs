namespace Sweep.ClusterBench;

/// <summary>The load average beside each measurement: on two shared cores every figure moves with it.</summary>
public static class MachineLoad
{
    public static string Now()
    {
        var fields = File.ReadAllText("/proc/loadavg").Split(' ');
        return $"load {fields[0]} {fields[1]} {fields[2]}";
    }
}
