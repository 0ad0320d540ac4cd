using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sweep.Orchestrator.Reporting;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Reports.Analysis;

namespace Sweep.Orchestrator.Live;

/// <summary>Polls the sweep's store about once a second, asking the cheap <see cref="ISweepChangeProbe"/> first,
/// and renders the page again only when the store changed. Every subscriber then gets the new snapshot; the
/// rendered sections are shared, so a second browser costs no rendering.</summary>
public sealed partial class LiveSweepFeed(ISweepStore store, string sweepId, string sweepDirectory,
    string dashboardNote, TimeProvider time, ILogger<LiveSweepFeed> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int KeptSnapshots = 16;

    private readonly ISweepChangeProbe probe = ISweepChangeProbe.For(store, sweepId);
    private readonly LinkedList<LiveSnapshot> recent = new();
    private TaskCompletionSource<LiveSnapshot> next = NewSignal();
    private long? storeVersion;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Subscription, long> sent = new();
    private long renders;
    // A poll and the last flush of a stopping server may overlap; one render at a time keeps a slow render of what
    // the store held before the run's end from being published after the render of how it ended.
    private readonly SemaphoreSlim refreshing = new(1, 1);

    public LiveSnapshot Latest { get; private set; } = null!;

    public int Subscribers => sent.Count;

    /// <summary>How many times the page was rendered: once per change of the store, not once per poll.</summary>
    public long Renders => Interlocked.Read(ref renders);

    /// <summary>A snapshot a client said it has (by version), if it is recent enough to be kept.</summary>
    public LiveSnapshot? Find(long version)
    {
        lock (recent)
            return recent.FirstOrDefault(s => s.Version == version);
    }

    /// <summary>Counts a client until the returned handle is disposed; the client tells which version it sent last.</summary>
    public Subscription Subscribe()
    {
        var subscription = new Subscription(this);
        sent[subscription] = -1;
        return subscription;
    }

    /// <summary>Reads the store once more and gives every client up to <paramref name="patience"/> to be sent the
    /// result, so a page left open when a run ends shows how it ended.</summary>
    public async Task FlushAsync(TimeSpan patience, CancellationToken cancellation)
    {
        await RefreshAsync(cancellation);
        var deadline = time.GetUtcNow() + patience;
        while (sent.Values.Any(v => v < Latest.Version) && time.GetUtcNow() < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellation);
    }

    /// <summary>The first snapshot newer than <paramref name="version"/>, or the latest once
    /// <paramref name="timeout"/> passes without one.</summary>
    public async Task<LiveSnapshot> NextAsync(long version, TimeSpan timeout, CancellationToken cancellation)
    {
        Task<LiveSnapshot> waiting;
        lock (recent)
        {
            if (Latest.Version != version)
                return Latest;
            waiting = next.Task;
        }
        try
        {
            return await waiting.WaitAsync(timeout, time, cancellation);
        }
        catch (TimeoutException)
        {
            return Latest;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var ticks = new PeriodicTimer(PollInterval, time);
        while (await NextTickAsync(ticks, stopping))
        {
            try
            {
                await RefreshAsync(stopping);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A busy or restarting store is asked again at the next poll; the page keeps its last state.
                LogPollFailed(logger, error.Message);
            }
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer ticks, CancellationToken stopping)
    {
        try
        {
            return await ticks.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Renders the page again if the store changed; false when the store holds no sweep of this id.</summary>
    internal async Task<bool> RefreshAsync(CancellationToken cancellation)
    {
        await refreshing.WaitAsync(cancellation);
        try
        {
            return await RenderIfChangedAsync(cancellation);
        }
        finally
        {
            refreshing.Release();
        }
    }

    private async Task<bool> RenderIfChangedAsync(CancellationToken cancellation)
    {
        var version = await probe.VersionAsync(cancellation);
        if (version == storeVersion)
            return true;
        var sweep = await store.GetSweepAsync(sweepId, cancellation);
        if (sweep is null)
            return false;
        var spec = new SpecLoader().Read(sweep.SpecText, sweep.SpecPath);
        var trials = await store.GetTrialsAsync(sweepId, cancellation);
        var epochs = await store.GetEpochsAsync(sweepId, cancellationToken: cancellation);
        var now = time.GetUtcNow();
        var analysis = ReportAnalysis.Of(ReportInputBuilder.Build(sweep, spec, trials, epochs, sweepDirectory, now),
            DiagnosisThresholds.Default);
        var status = LiveStatusSection.Render(trials, epochs, spec.Baseline.Objective, now);
        Publish(LivePage.Render((Latest?.Version ?? 0) + 1, analysis, status, dashboardNote));
        Interlocked.Increment(ref renders);
        storeVersion = version;
        return true;
    }

    private void Publish(LiveSnapshot snapshot)
    {
        TaskCompletionSource<LiveSnapshot> released;
        lock (recent)
        {
            Latest = snapshot;
            recent.AddLast(snapshot);
            if (recent.Count > KeptSnapshots)
                recent.RemoveFirst();
            released = next;
            next = NewSignal();
        }
        released.SetResult(snapshot);
    }

    public override void Dispose()
    {
        probe.Dispose();
        refreshing.Dispose();
        base.Dispose();
    }

    private static TaskCompletionSource<LiveSnapshot> NewSignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed class Subscription(LiveSweepFeed feed) : IDisposable
    {
        public void Sent(long version) => feed.sent[this] = version;

        public void Dispose() => feed.sent.TryRemove(this, out _);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "live view: reading the sweep's store failed ({Reason}); trying again")]
    private static partial void LogPollFailed(ILogger logger, string reason);
}
