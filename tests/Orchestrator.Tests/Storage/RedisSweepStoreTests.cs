using StackExchange.Redis;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Storage.Redis;
using Sweep.Orchestrator.Tests.TestKit;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Storage;

/// <summary>The contract against a real <c>redis-server</c>, plus what only a networked store can get wrong. The
/// class shares one server; each test has a key prefix of its own.</summary>
public sealed class RedisSweepStoreTests(RedisServer redis) : SweepStoreContract, IClassFixture<RedisServer>
{
    private readonly string _prefix = RedisServer.NewKeyPrefix();

    protected override async Task<ISweepStore> CreateStoreAsync() => await ConnectAsync(redis);

    [Fact]
    public async Task Data_SurviveReconnecting()
    {
        var (sweep, trialsBefore) = await WriteASweepAsync(Store);
        await Store.DisposeAsync();

        await using var reconnected = await ConnectAsync(redis);

        await AssertSweepIntactAsync(reconnected, sweep, trialsBefore);
    }

    /// <summary>The store that was connected when Redis died carries on too: its connection comes back, and the
    /// scripts the restarted server no longer has are sent again.</summary>
    [Fact]
    public async Task Data_SurviveRedisBeingKilledAndRestarted()
    {
        var own = new RedisServer();
        await own.InitializeAsync();
        try
        {
            await using var store = await ConnectAsync(own);
            var (sweep, trialsBefore) = await WriteASweepAsync(store);

            await own.CrashAndRestartAsync();

            await using (var reconnected = await ConnectAsync(own))
                await AssertSweepIntactAsync(reconnected, sweep, trialsBefore);
            Assert.True(await store.AppendEpochAsync(sweep.Id, 0, "worker-a", Epoch(3), Goes));
            Assert.Equal([1, 2, 3], (await store.GetEpochsAsync(sweep.Id, 0)).Select(epoch => epoch.Metrics.Epoch));
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoStoresOnOneRedis_SeeEachOthersWrites()
    {
        await using var other = await ConnectAsync(redis);
        var sweep = NewSweep();
        await Store.CreateSweepAsync(sweep);
        await Store.AddTrialsAsync(sweep.Id, Plans(2));

        Assert.Equal(2, (await other.GetTrialsAsync(sweep.Id)).Count);
        Assert.NotNull(await other.TryLeaseAsync(sweep.Id, 0, "process-b", T0, T0.AddMinutes(1)));
        Assert.Null(await Store.TryLeaseAsync(sweep.Id, 0, "process-a", T0.AddSeconds(30), T0.AddMinutes(2)));
        Assert.Null(await Store.FinishAsync(sweep.Id, 0, "process-a", TrialState.Completed, Result(), null, T0));
        Assert.True(await other.AppendEpochAsync(sweep.Id, 0, "process-b", Epoch(1), Goes));
        Assert.NotNull(await other.FinishAsync(sweep.Id, 0, "process-b", TrialState.Completed, Result(), null, T0));

        var seen = await Store.GetTrialAsync(sweep.Id, 0);
        Assert.Equal(TrialState.Completed, seen!.State);
        Assert.Equal(SweepJson.Serialize(Result()), SweepJson.Serialize(seen.Result));
        Assert.Single(await Store.GetEpochsAsync(sweep.Id, 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConcurrentLeasesOfOneTrial_FromTwoStores_OnlyOneWins(bool afterExpiry)
    {
        const int trialCount = 10;
        const int leasesPerTrial = 50;
        await using var other = await ConnectAsync(redis);
        var sweep = NewSweep();
        await Store.CreateSweepAsync(sweep);
        await Store.AddTrialsAsync(sweep.Id, Plans(trialCount));
        var now = afterExpiry ? T0.AddMinutes(1) : T0;
        if (afterExpiry)
        {
            foreach (var index in Enumerable.Range(0, trialCount))
                await Store.TryLeaseAsync(sweep.Id, index, "dead-worker", T0, now);
        }
        ISweepStore[] stores = [Store, other];

        var leases = await Task.WhenAll(Enumerable.Range(0, trialCount * leasesPerTrial).Select(attempt =>
            Task.Run(() => stores[attempt % 2].TryLeaseAsync(sweep.Id, attempt % trialCount, $"worker-{attempt}",
                now, now.AddMinutes(1)))));

        foreach (var trial in await other.GetTrialsAsync(sweep.Id))
        {
            var winner = Assert.Single(leases, lease => lease is not null && lease.Index == trial.Index);
            Assert.Equal(winner!.LeaseOwner, trial.LeaseOwner);
            Assert.Equal(afterExpiry ? 2 : 1, trial.Attempts);
        }
        Assert.Equal(trialCount, leases.Count(lease => lease is not null));
    }

    [Fact]
    public async Task EveryKeyOfASweep_LiesUnderItsPrefixInOneClusterSlot()
    {
        await WriteASweepAsync(Store);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

        var keys = await connection.GetServer(connection.GetEndPoints()[0]).KeysAsync(pattern: _prefix + ":*")
            .Select(key => (string)key!).ToListAsync();

        Assert.Equal(6, keys.Count);
        Assert.All(keys, key => Assert.StartsWith(_prefix + ":{sweep-1}:", key));
        Assert.Single(keys.Select(key => connection.HashSlot(key)).Distinct());
    }

    [Fact]
    public async Task AStoreOnTheCallersConnection_LeavesItOpen()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await using (var store = new RedisSweepStore(connection, _prefix))
            await store.CreateSweepAsync(NewSweep());

        Assert.True(connection.IsConnected);
        Assert.Equal(NewSweep(), await Store.GetSweepAsync("sweep-1"));
    }

    [Fact]
    public async Task Connect_ToAPortNobodyListensOn_NamesTheEndpointButNotThePassword()
    {
        var endpoint = $"127.0.0.1:{RedisServer.FreeLoopbackPort()}";

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisSweepStore.ConnectAsync(
            $"{endpoint},password=hunter2-secret,connectTimeout=1000,connectRetry=1"));

        Assert.Contains(endpoint, error.Message);
        Assert.DoesNotContain("hunter2", error.ToString());
    }

    private async Task<RedisSweepStore> ConnectAsync(RedisServer server) =>
        await RedisSweepStore.ConnectAsync(server.ConnectionString, _prefix);

    private static async Task<(SweepRecord, IReadOnlyList<TrialRecord>)> WriteASweepAsync(ISweepStore store)
    {
        var sweep = NewSweep();
        await store.CreateSweepAsync(sweep);
        await store.AddTrialsAsync(sweep.Id, Plans(3));
        await store.TryLeaseAsync(sweep.Id, 0, "worker-a", T0, T0.AddMinutes(1));
        await store.AppendEpochAsync(sweep.Id, 0, "worker-a", Epoch(1, valLoss: double.NaN), Goes);
        await store.TryLeaseAsync(sweep.Id, 1, "worker-a", T0, T0.AddMinutes(1));
        await store.FinishAsync(sweep.Id, 1, "worker-a", TrialState.Diverged, DivergedResult(), "nan", T0.AddSeconds(9));
        return (sweep, await store.GetTrialsAsync(sweep.Id));
    }

    private static async Task AssertSweepIntactAsync(ISweepStore store, SweepRecord sweep,
        IReadOnlyList<TrialRecord> trialsBefore)
    {
        Assert.Equal(sweep, await store.GetSweepAsync(sweep.Id));
        var trialsAfter = await store.GetTrialsAsync(sweep.Id);
        Assert.Equal(trialsBefore.Select(SweepJson.Serialize), trialsAfter.Select(SweepJson.Serialize));
        Assert.Equal([TrialState.Running, TrialState.Diverged, TrialState.Pending], trialsAfter.Select(t => t.State));
        Assert.True(double.IsNaN(Assert.Single(await store.GetEpochsAsync(sweep.Id, 0)).Metrics.ValLoss));
        Assert.True(await store.AppendEpochAsync(sweep.Id, 0, "worker-a", Epoch(2), Goes));
    }
}

public sealed class RedisConnectionStringRedactionTests
{
    [Fact]
    public void Of_DropsThePassword_AndKeepsTheEndpointsAndOptions()
    {
        var redacted = RedactedConnectionString.Of("redis-a:6380,redis-b:6381,password=hunter2,ssl=true,user=sweep");

        Assert.DoesNotContain("hunter2", redacted);
        Assert.Contains("redis-a:6380", redacted);
        Assert.Contains("redis-b:6381", redacted);
        Assert.Contains("ssl=True", redacted);
        Assert.Contains("user=sweep", redacted);
    }

    [Fact]
    public void Of_AStringThatDoesNotParse_DoesNotEchoIt()
    {
        Assert.DoesNotContain("hunter2", RedactedConnectionString.Of("redis-a:6380,password=hunter2,nonsense=1"));
    }
}
