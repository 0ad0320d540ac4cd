using System.Collections.Concurrent;
using System.CommandLine;
using System.Runtime.InteropServices;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Workers;

/// <summary><c>sweep trial-worker</c>, started by <see cref="ProcessTrialExecutor"/>: trains the one trial its
/// first input line names and reports over its standard streams. Not for people, so hidden from help.</summary>
public static class TrialWorkerCommand
{
    public static Command Create()
    {
        var command = new Command(TrialWorkerProtocol.Command, "Train one trial for a sweep's slot (internal).")
        {
            Hidden = true,
        };
        command.SetAction((_, _) => Task.FromResult(Run(Console.In, Console.Out)));
        return command;
    }

    public static int Run(TextReader input, TextWriter output)
    {
        DieWithParent();
        // Ctrl-C reaches the whole process group; the parent decides, and sends "cancel" after it.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = true);
        var requestLine = input.ReadLine();
        if (requestLine is null)
            return 2;
        var request = TrialWorkerProtocol.Decode<TrialWorkerRequest>(requestLine);
        using var cancellation = new CancellationTokenSource();
        using var decisions = new BlockingCollection<string>();
        var listener = new Thread(() => Listen(input, decisions, cancellation)) { IsBackground = true, Name = "trial-worker input" };
        listener.Start();
        try
        {
            var result = new TrialRunner().Run(request.Spec, request.Options, new Reporter(output, decisions),
                cancellation.Token);
            Write(output, new TrialWorkerMessage(Result: result));
            return 0;
        }
        catch (Exception exception)
        {
            // A mistake the user can fix reads as the same line the command line would print; anything else names its type.
            var line = Cli.UserErrors.Describe(exception) ?? $"{exception.GetType().Name}: {exception.Message}";
            Write(output, new TrialWorkerMessage(Error: line.ReplaceLineEndings(" "), Trace: exception.ToString()));
            return 1;
        }
    }

    /// <summary>"cancel" cancels; any other line answers an epoch. The parent closing the pipe (it stopped or
    /// died) cancels too.</summary>
    private static void Listen(TextReader input, BlockingCollection<string> decisions, CancellationTokenSource cancellation)
    {
        while (input.ReadLine() is { } line)
        {
            if (line == TrialWorkerProtocol.Cancel)
                cancellation.Cancel();
            else
                decisions.Add(line);
        }
        cancellation.Cancel();
        decisions.CompleteAdding();
    }

    private static void Write(TextWriter output, TrialWorkerMessage message)
    {
        output.WriteLine(TrialWorkerProtocol.Encode(message));
        output.Flush();
    }

    private sealed class Reporter(TextWriter output, BlockingCollection<string> decisions) : ITrialObserver
    {
        public void OnBatch(int epoch, int batch, int batchCount, double meanLoss) =>
            Write(output, new TrialWorkerMessage(Batch: new BatchProgress(epoch, batch, batchCount, meanLoss)));

        public void OnNotice(string message) => Write(output, new TrialWorkerMessage(Notice: message));

        public EpochDecision OnEpoch(EpochMetrics metrics)
        {
            Write(output, new TrialWorkerMessage(Epoch: metrics));
            // No answer means the parent is gone: stop after this epoch's checkpoint rather than train unobserved.
            return TrialWorkerProtocol.DecodeDecision(decisions.TryTake(out var answer, Timeout.Infinite) ? answer : null);
        }
    }

    /// <summary>A worker must not outlive the sweep process: an orphan would go on writing checkpoints that a
    /// resumed sweep is also writing. Linux delivers SIGKILL to the worker when its parent dies.</summary>
    private static void DieWithParent()
    {
        if (!OperatingSystem.IsLinux())
            return;
        const int setParentDeathSignal = 1, sigkill = 9;
        _ = SetProcessOption(setParentDeathSignal, sigkill);
    }

    [DllImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static extern int SetProcessOption(int option, ulong argument);
}
