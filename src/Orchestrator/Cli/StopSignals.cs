using System.Runtime.InteropServices;

namespace Sweep.Orchestrator.Cli;

/// <summary>Ctrl-C (SIGINT) and SIGTERM for the commands that train. Before a command arms it, a signal ends the
/// process as usual. Once armed, the first signal asks the command to stop (trials given back after their
/// last checkpoint, the report written, the resume command printed) and the second ends the process at once:
/// what the store recorded stays, and a resume continues interrupted trials from their checkpoints.</summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly PosixSignalRegistration[] registrations;
    private volatile bool armed;
    private volatile string? resumeHint;
    private int received;

    public StopSignals() => registrations =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
    ];

    /// <summary>Cancelled by the first signal once armed.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>The exit code a command stopped by a signal returns: 128 + the signal's number, as shells do.</summary>
    public int ExitCode { get; private set; } = 130;

    public bool Received => Volatile.Read(ref received) > 0;

    /// <summary>From here on, signals stop the command instead of the process.</summary>
    public void Arm() => armed = true;

    /// <summary>What to print if a second signal ends the process at once.</summary>
    public void ResumeWith(string command) => resumeHint = command;

    private void OnSignal(PosixSignalContext context)
    {
        if (!armed)
            return;
        context.Cancel = true;
        if (Interlocked.Increment(ref received) == 1)
        {
            ExitCode = context.Signal == PosixSignal.SIGTERM ? 143 : 130;
            Console.Error.WriteLine("stopping: trials are given back after their last checkpoint (again to stop at once)");
            stopping.Cancel();
            return;
        }
        Console.Error.WriteLine(resumeHint is { } hint
            ? $"stopped at once; every recorded epoch is kept. Continue with: {hint}"
            : "stopped at once");
        Environment.Exit(ExitCode);
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
            registration.Dispose();
        stopping.Dispose();
    }
}
