using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sweep.ClusterBench;

/// <summary>Every process the benchmark starts (redis-server, workers, submitters, Optuna), so that none outlives
/// it: each is killed when the benchmark ends, whether it returns, throws, or is stopped by SIGINT, SIGTERM or
/// SIGHUP. A worker left behind would keep polling the cluster and load the machine of whoever runs next.</summary>
public sealed class ChildProcesses : IDisposable
{
    private readonly List<Process> started = [];
    private readonly List<PosixSignalRegistration> signals;

    public ChildProcesses()
    {
        signals = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => KillAll()))];
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    public Process Start(ProcessStartInfo start)
    {
        lock (started)
        {
            var process = Process.Start(start)
                ?? throw new InvalidOperationException($"could not start {start.FileName}");
            started.Add(process);
            return process;
        }
    }

    /// <summary>SIGKILL to the process and anything it started, as <c>kill -9</c> would.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing left to kill.
        }
    }

    public void Dispose()
    {
        KillAll();
        foreach (var signal in signals)
            signal.Dispose();
    }

    private void KillAll()
    {
        List<Process> all;
        lock (started)
            all = [.. started];
        foreach (var process in all)
            Kill(process);
    }
}
