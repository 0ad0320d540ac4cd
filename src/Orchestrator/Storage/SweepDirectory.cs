using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Storage;

/// <summary>A sweep directory held by this process: its store and its run lock.</summary>
public sealed record OpenedSweep(string SweepId, string Directory, ISweepStore Store, SweepRunLock Lock,
    RunSettings? Settings);

/// <summary>Creating and reopening <c>runs/&lt;name&gt;-&lt;id&gt;/</c>: sweep.db, checkpoints under trials/.</summary>
public static class SweepDirectory
{
    public const string DatabaseName = SqliteSweepStore.FileName;

    public static async Task<OpenedSweep> CreateAsync(SweepSpec spec, string outputRoot, RunSettings settings,
        CancellationToken cancellation)
    {
        var sweepId = NewSweepId(spec);
        var directory = Path.GetFullPath(Path.Combine(outputRoot, sweepId));
        Directory.CreateDirectory(directory);
        var runLock = AcquireLock(directory);
        ISweepStore? store = null;
        try
        {
            store = OpenStore(directory);
            var plan = SweepPlanner.InitialPlan(spec);
            await store.CreateSweepAsync(new SweepRecord(sweepId, spec.Baseline.Name, spec.SourcePath, spec.Text,
                spec.Search.Strategy.ToString(), PlanHash(plan), DateTimeOffset.UtcNow, settings), cancellation);
            await store.AddTrialsAsync(sweepId, plan, cancellation);
            return new OpenedSweep(sweepId, directory, store, runLock, settings);
        }
        catch
        {
            // A sweep that could not be created (a full disk) leaves no half-made folder behind.
            if (store is not null)
                await store.DisposeAsync();
            runLock.Dispose();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Reopens a sweep to run it; refuses when another process runs it or its plan no longer matches
    /// the stored spec.</summary>
    public static async Task<OpenedSweep> OpenForRunAsync(string directory, CancellationToken cancellation)
    {
        var (sweep, store) = await OpenExistingAsync(directory, cancellation);
        var runLock = AcquireLock(directory);
        var spec = new SpecLoader().Read(sweep.SpecText, sweep.SpecPath);
        var rebuilt = SweepPlanner.InitialPlan(spec);
        if (PlanHash(rebuilt) != sweep.PlanHash)
        {
            runLock.Dispose();
            await store.DisposeAsync();
            throw new UserErrorException(
                $"{directory}: the plan rebuilt from the stored spec does not match the stored plan (was it made by another version of sweep?)");
        }
        return new OpenedSweep(sweep.Id, Path.GetFullPath(directory), store, runLock, sweep.Settings);
    }

    /// <summary>Reopens a sweep to run it: its file is checked before anything is written to it, so a damaged
    /// or foreign <c>sweep.db</c> is refused as it is.</summary>
    public static Task<(SweepRecord Sweep, ISweepStore Store)> OpenExistingAsync(string directory,
        CancellationToken cancellation) => OpenAsync(directory, SqliteSweepStore.OpenExisting, cancellation);

    /// <summary>Whether <paramref name="directory"/> holds a sweep's store.</summary>
    public static bool Holds(string directory) => File.Exists(Path.Combine(Path.GetFullPath(directory), DatabaseName));

    /// <summary>Reads a sweep without running it (status, export, report): nothing is written to its store, so a
    /// sweep archived on a read-only medium can be read.</summary>
    public static Task<(SweepRecord Sweep, ISweepStore Store)> ReadExistingAsync(string directory,
        CancellationToken cancellation) => OpenAsync(directory, SqliteSweepStore.OpenForReading, cancellation);

    private static async Task<(SweepRecord Sweep, ISweepStore Store)> OpenAsync(string directory,
        Func<string, SqliteSweepStore> open, CancellationToken cancellation)
    {
        var database = Path.Combine(directory, DatabaseName);
        if (!File.Exists(database))
            throw new UserErrorException(File.Exists(directory)
                ? $"{directory}: expected a sweep directory, found a file"
                : Directory.Exists(directory)
                    ? $"{directory}: not a sweep directory (no {DatabaseName})"
                    : $"{directory}: expected a sweep directory, found nothing there");
        var store = open(database);
        var sweepId = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var sweep = await store.GetSweepAsync(sweepId, cancellation);
        if (sweep is null)
        {
            await store.DisposeAsync();
            throw new UserErrorException($"{database}: holds no sweep named {sweepId} (sweep directories must keep their names)");
        }
        return (sweep, store);
    }

    /// <summary>While this process holds the run lock nobody else runs the sweep, so trials left running were
    /// interrupted: they go back to pending and continue from their last checkpoint.</summary>
    public static async Task<int> ReleaseInterruptedAsync(OpenedSweep sweep, CancellationToken cancellation)
    {
        var released = 0;
        foreach (var trial in await sweep.Store.GetTrialsAsync(sweep.SweepId, cancellation))
        {
            if (trial.State == TrialState.Running && trial.LeaseOwner is { } owner
                && await sweep.Store.ReleaseAsync(sweep.SweepId, trial.Index, owner, "interrupted", failed: false, cancellation))
                released++;
        }
        return released;
    }

    /// <summary>Failed trials go back to pending, their failures forgotten, to continue from their checkpoints.</summary>
    public static async Task<int> RetryFailedAsync(OpenedSweep sweep, CancellationToken cancellation)
    {
        var retried = 0;
        foreach (var trial in await sweep.Store.GetTrialsAsync(sweep.SweepId, cancellation))
        {
            if (trial.State == TrialState.Failed
                && await sweep.Store.RetryFailedAsync(sweep.SweepId, trial.Index, "run again on resume", cancellation))
                retried++;
        }
        return retried;
    }

    public static string PlanHash(IReadOnlyList<PlannedTrial> plan)
    {
        var canonical = JsonSerializer.Serialize(plan.Select(t => new { t.Index, t.Seed, t.Repeat, t.Role, t.ConfigKey,
            Changes = t.Changes.Select(c => $"{c.Path}={c.Value}") }));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    private static SweepRunLock AcquireLock(string directory) =>
        SweepRunLock.TryAcquire(directory, out var runLock)
            ? runLock
            : throw new UserErrorException($"{directory}: another sweep process is running this sweep; wait for it or stop it first");

    private static ISweepStore OpenStore(string directory) => SqliteSweepStore.Open(Path.Combine(directory, DatabaseName));

    /// <summary>Readable and unique: the spec's name and eight random hex digits.</summary>
    public static string NewSweepId(SweepSpec spec) => $"{Slug(spec.Baseline.Name)}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string Slug(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "sweep" : slug[..Math.Min(slug.Length, 40)];
    }
}
