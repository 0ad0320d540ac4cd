using Microsoft.Extensions.Logging.Abstractions;
using Sweep.Orchestrator.Live;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Tests.Storage;

namespace Sweep.Orchestrator.Tests.Live;

public class LiveSweepFeedTests
{
    private static LiveSweepFeed Feed(ISweepStore store) =>
        new(store, LiveFixtures.SweepId, "/tmp/none", LiveDashboard.OfStoreOnly.Note, TimeProvider.System, NullLogger<LiveSweepFeed>.Instance);

    private static string Section(LiveSnapshot snapshot, string id) => snapshot.Sections.Single(s => s.Id == id).Html;

    [Fact]
    public async Task NoChangeInTheStore_RendersNothingAgain()
    {
        await using var store = await LiveFixtures.SweepWithRunningTrialAsync(new InMemorySweepStore());
        using var feed = Feed(store);
        Assert.True(await feed.RefreshAsync(CancellationToken.None));

        await feed.RefreshAsync(CancellationToken.None);
        await feed.RefreshAsync(CancellationToken.None);

        Assert.Equal(1, feed.Renders);
        Assert.Equal(1, feed.Latest.Version);
    }

    [Fact]
    public async Task RecordedEpoch_IsAnewSnapshotWithTheRunningTrialsEpochLossAndAccuracy()
    {
        await using var store = await LiveFixtures.SweepWithRunningTrialAsync(new InMemorySweepStore());
        using var feed = Feed(store);
        Assert.True(await feed.RefreshAsync(CancellationToken.None));
        Assert.Contains("<td class=\"num live-epoch\">0</td>", Section(feed.Latest, "live"));
        var waiting = feed.NextAsync(feed.Latest.Version, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(await LiveFixtures.EpochAsync(store, 2));
        await feed.RefreshAsync(CancellationToken.None);

        var next = await waiting;
        Assert.Equal(2, next.Version);
        var live = Section(next, "live");
        Assert.Contains("<td class=\"num live-epoch\">1</td>", live);
        Assert.Contains("0.5000", live);
        Assert.Contains("62.00 %", live);
        Assert.Contains("<td>host-a</td><td>0</td>", live);
    }

    [Fact]
    public async Task FlushWhileAPollStillRenders_EndsOnTheStoresLastState()
    {
        var store = new HeldEpochReadStore(await LiveFixtures.SweepWithRunningTrialAsync(new InMemorySweepStore()));
        await using var _ = store;
        using var feed = Feed(store);
        Assert.True(await feed.RefreshAsync(CancellationToken.None));
        Assert.True(await LiveFixtures.EpochAsync(store, 1));
        store.Hold();
        var poll = feed.RefreshAsync(CancellationToken.None);
        await store.Reading;

        Assert.True(await LiveFixtures.EpochAsync(store, 2));
        var flush = feed.FlushAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        store.Release();
        await poll;
        await flush;

        Assert.Contains("<td class=\"num live-epoch\">2</td>", Section(feed.Latest, "live"));
    }

    [Fact]
    public async Task LiveSectionsAndPage_AreTheReportsSectionsAfterTheStatus()
    {
        await using var store = await LiveFixtures.SweepWithRunningTrialAsync(new InMemorySweepStore());
        using var feed = Feed(store);
        Assert.True(await feed.RefreshAsync(CancellationToken.None));

        var ids = feed.Latest.Sections.Select(s => s.Id).ToList();
        Assert.Equal(["live", .. Reports.Html.ReportPage.Sections.Select(s => s.Id)], ids);
        Assert.All(feed.Latest.Sections, s => Assert.Contains(s.Html, feed.Latest.Page));
        Assert.Contains("connect-src 'self'", feed.Latest.Page);
        Assert.Contains("new EventSource('events?v=1')", feed.Latest.Page);
    }

    [Fact]
    public async Task Subscribers_AreCountedUntilDisposed()
    {
        await using var store = await LiveFixtures.SweepWithRunningTrialAsync(new InMemorySweepStore());
        using var feed = Feed(store);
        var first = feed.Subscribe();
        var second = feed.Subscribe();
        Assert.Equal(2, feed.Subscribers);

        first.Dispose();
        first.Dispose();
        Assert.Equal(1, feed.Subscribers);
        second.Dispose();
        Assert.Equal(0, feed.Subscribers);
    }

    [Fact]
    public async Task SqliteProbe_MovesOnlyWhenAnotherConnectionCommits()
    {
        using var directory = new TempDirectory();
        await using var store = await LiveFixtures.SqliteSweepWithRunningTrialAsync(directory.Path);
        using var probe = ISweepChangeProbe.For(store, LiveFixtures.SweepId);
        Assert.IsType<SqliteChangeProbe>(probe);
        var before = await probe.VersionAsync(CancellationToken.None);

        Assert.Equal(before, await probe.VersionAsync(CancellationToken.None));
        await store.GetTrialsAsync(LiveFixtures.SweepId);
        Assert.Equal(before, await probe.VersionAsync(CancellationToken.None));
        await LiveFixtures.EpochAsync(store, 1);
        Assert.NotEqual(before, await probe.VersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FingerprintProbe_IgnoresLeaseRenewalsButNotEpochs()
    {
        await using var store = await LiveFixtures.SweepWithRunningTrialAsync(new InMemorySweepStore());
        using var probe = ISweepChangeProbe.For(store, LiveFixtures.SweepId);
        var before = await probe.VersionAsync(CancellationToken.None);

        Assert.True(await store.RenewLeaseAsync(LiveFixtures.SweepId, 0, LiveFixtures.Owner, DateTimeOffset.UtcNow.AddHours(2)));
        Assert.Equal(before, await probe.VersionAsync(CancellationToken.None));
        await LiveFixtures.EpochAsync(store, 1);
        Assert.NotEqual(before, await probe.VersionAsync(CancellationToken.None));
    }
}
