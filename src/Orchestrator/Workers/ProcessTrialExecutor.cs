using System.Diagnostics;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Workers;

/// <summary>Trains each trial in a child <c>sweep trial-worker</c> process. TorchSharp 0.107 frees a temporary
/// <c>Scalar</c> from its finalizer without keeping it alive across the native call that reads it (e.g.
/// <c>tensor / 2.0</c>, used throughout its optimizers); a garbage collection started by another thread of the
/// same process can then free the scalar mid-call, which fails the trial ("toDouble") or silently changes a
/// value. With one trial per process no other training thread allocates, and a native crash ends one trial, not
/// the sweep.</summary>
public sealed class ProcessTrialExecutor : ITrialExecutor
{
    private const int StderrLinesKept = 20;

    public TrialResult Run(TrialAssignment assignment, TrialRunOptions options, ITrialObserver observer,
        CancellationToken cancellationToken)
    {
        using var process = Process.Start(WorkerStart(options))
            ?? throw new InvalidOperationException("could not start a trial worker process");
        var stderr = new Queue<string>();
        void Keep(string line)
        {
            lock (stderr)
            {
                stderr.Enqueue(line);
                if (stderr.Count > StderrLinesKept)
                    stderr.Dequeue();
            }
        }
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
                Keep(line.Data);
        };
        process.BeginErrorReadLine();
        try
        {
            return Exchange(process, assignment, options, observer, Keep, cancellationToken) ?? throw new TrialWorkerException(
                $"trial worker exited with code {process.ExitCode}{Tail(stderr)}");
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Feeds the worker its trial and its decisions until it ends; its result, or null when it ended
    /// without one.</summary>
    private static TrialResult? Exchange(Process process, TrialAssignment assignment, TrialRunOptions options,
        ITrialObserver observer, Action<string> keep, CancellationToken cancellationToken)
    {
        var input = new WorkerInput(process.StandardInput);
        // A worker pinned to one GPU sees it as its only device.
        var workerOptions = options.Gpu is null ? options : options with { Slot = 0 };
        input.Send(TrialWorkerProtocol.Encode(new TrialWorkerRequest(assignment.Spec, workerOptions)));
        using var cancel = cancellationToken.Register(() => input.Send(TrialWorkerProtocol.Cancel));

        TrialResult? result = null;
        TrialWorkerMessage? error = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            // A native library may print to standard output too: such lines are kept with the worker's errors.
            if (TrialWorkerProtocol.TryDecode(line) is not { } message)
            {
                keep(line);
                continue;
            }
            if (message.Batch is { } batch)
                observer.OnBatch(batch.Epoch, batch.Batch, batch.BatchCount, batch.MeanLoss);
            else if (message.Epoch is { } epoch)
                input.Send(TrialWorkerProtocol.Encode(observer.OnEpoch(epoch)));
            else if (message.Result is not null)
                result = message.Result;
            else if (message.Error is not null)
                error = message;
            else if (message.Notice is not null)
                observer.OnNotice(message.Notice);
        }
        input.Close();
        process.WaitForExit();
        if (result is not null)
            return result;
        cancellationToken.ThrowIfCancellationRequested();
        return error is null ? null : throw new TrialWorkerException(error.Error!, error.Trace);
    }

    private static string Tail(Queue<string> lines)
    {
        lock (lines)
            return lines.Count == 0 ? "" : $": {string.Join(" | ", lines)}";
    }

    /// <summary>The <c>sweep</c> program next to this assembly: its native launcher when present, else through
    /// the dotnet host running this process; pinned with CUDA_VISIBLE_DEVICES to the slot's GPU when it has one.</summary>
    internal static ProcessStartInfo WorkerStart(TrialRunOptions options)
    {
        var directory = Path.GetDirectoryName(typeof(ProcessTrialExecutor).Assembly.Location)!;
        var launcher = Path.Combine(directory, OperatingSystem.IsWindows() ? "sweep.exe" : "sweep");
        var start = File.Exists(launcher)
            ? new ProcessStartInfo(launcher)
            : new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { ArgumentList = { Path.Combine(directory, "sweep.dll") } };
        start.ArgumentList.Add(TrialWorkerProtocol.Command);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        // The trial needs no cluster: its connection string (and password) stays out of the child's environment.
        start.Environment.Remove(Hosting.ClusterConnection.EnvironmentVariable);
        if (options.Gpu is { } gpu)
            start.Environment["CUDA_VISIBLE_DEVICES"] = gpu.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return start;
    }

    /// <summary>Decisions come from the reading thread, "cancel" from whichever thread cancels.</summary>
    private sealed class WorkerInput(StreamWriter writer)
    {
        private bool closed;

        public void Send(string line)
        {
            lock (writer)
            {
                if (closed)
                    return;
                try
                {
                    writer.WriteLine(line);
                    writer.Flush();
                }
                catch (IOException)
                {
                    // The worker has exited; its output (read to the end) says how.
                }
            }
        }

        public void Close()
        {
            lock (writer)
                closed = true;
        }
    }
}

/// <summary>A trial that failed in its worker process; its trace is the worker's, where the failure happened.</summary>
public sealed class TrialWorkerException(string message, string? workerTrace = null) : Exception(message)
{
    public override string ToString() => workerTrace ?? base.ToString();
}
