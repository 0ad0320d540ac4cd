using System.Diagnostics;
using Sweep.Orchestrator.Hosting;

namespace Sweep.ClusterBench;

/// <summary>A started <c>sweep</c> process and what it printed.</summary>
public sealed record SweepProcess(Process Process, CapturedOutput Output);

/// <summary>The real <c>sweep</c> program, run as <c>dotnet sweep.dll …</c> from this benchmark's output folder (the
/// project reference to the orchestrator copies it there), with the cluster's Redis in SWEEP_CLUSTER as a user
/// keeping a password out of the process list would pass it.</summary>
public sealed class SweepProgram(ChildProcesses children, string redisConnection)
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "sweep.dll");

    public SweepProcess Start(string workingDirectory, params string[] args)
    {
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        start.Environment[ClusterConnection.EnvironmentVariable] = redisConnection;
        var process = children.Start(start);
        return new SweepProcess(process, new CapturedOutput(process));
    }
}
