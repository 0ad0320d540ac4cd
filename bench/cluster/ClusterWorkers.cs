using System.Diagnostics;

namespace Sweep.ClusterBench;

/// <summary>One <c>sweep worker</c> process: its name starts every lease owner it takes (<c>name/…</c>).</summary>
public sealed record ClusterWorker(string Name, SweepProcess Process)
{
    public bool Holds(string? leaseOwner) => leaseOwner?.StartsWith(Name + "/", StringComparison.Ordinal) == true;
}

/// <summary><c>sweep worker --slots 1</c> processes of one cluster, each with its own work folder and silo ports.
/// They are started together and the set is ready only once every one has printed that it joined, so no
/// measurement starts with part of the cluster still booting.</summary>
public sealed class ClusterWorkers : IDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromMinutes(3);

    private ClusterWorkers(IReadOnlyList<ClusterWorker> workers) => All = workers;

    public IReadOnlyList<ClusterWorker> All { get; }

    public static async Task<ClusterWorkers> StartAsync(SweepProgram program, string clusterId,
        IEnumerable<string> names, string workDirectory)
    {
        var workers = new ClusterWorkers([.. names.Select(name => new ClusterWorker(name, program.Start(workDirectory,
            "worker", "--cluster-id", clusterId, "--name", name, "--slots", "1",
            "--work-dir", Path.Combine(workDirectory, $"work-{name}"))))]);
        try
        {
            var waiting = Stopwatch.StartNew();
            while (workers.All.FirstOrDefault(w => !w.Process.Output.Contains("joined cluster")) is { } booting)
            {
                if (booting.Process.Process.HasExited || waiting.Elapsed > JoinTimeout)
                    throw new InvalidOperationException($"worker {booting.Name} did not join cluster {clusterId} "
                        + $"(exited: {booting.Process.Process.HasExited}); it printed:\n{booting.Process.Output.Tail()}");
                await Task.Delay(100);
            }
            return workers;
        }
        catch
        {
            workers.Dispose();
            throw;
        }
    }

    public ClusterWorker Named(string name) => All.Single(w => w.Name == name);

    public void Dispose()
    {
        foreach (var worker in All)
            ChildProcesses.Kill(worker.Process.Process);
    }
}
