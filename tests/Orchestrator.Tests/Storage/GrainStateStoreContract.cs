using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.Storage;

/// <summary>What every <see cref="IGrainStateStore"/> must do; each implementation derives and supplies the store.</summary>
public abstract class GrainStateStoreContract : IAsyncLifetime
{
    private const string Key = "scheduler/sweep-1";

    protected IGrainStateStore Store { get; private set; } = null!;

    protected abstract Task<IGrainStateStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }

    [Fact]
    public async Task Read_UnknownKey_ReturnsNull()
    {
        Assert.Null(await Store.ReadStateAsync(Key));
    }

    [Fact]
    public async Task Write_WithTheCurrentVersion_ReplacesTheStateAndIssuesANewVersion()
    {
        var first = await Store.WriteStateAsync(Key, """{"round":0}""", expectedETag: null);
        var second = await Store.WriteStateAsync(Key, """{"round":1}""", first);

        Assert.NotEqual(first, second);
        Assert.Equal(new GrainStateEntry(second, """{"round":1}"""), await Store.ReadStateAsync(Key));
    }

    [Fact]
    public async Task Write_WithAStaleVersion_IsRefusedAndKeepsTheState()
    {
        var first = await Store.WriteStateAsync(Key, "1", expectedETag: null);
        var second = await Store.WriteStateAsync(Key, "2", first);

        var stale = await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.WriteStateAsync(Key, "3", first));
        await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.WriteStateAsync(Key, "3", expectedETag: null));
        await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.WriteStateAsync("other", "3", second));

        Assert.Equal(second, stale.StoredETag);
        Assert.Equal(new GrainStateEntry(second, "2"), await Store.ReadStateAsync(Key));
        Assert.Null(await Store.ReadStateAsync("other"));
    }

    [Fact]
    public async Task Clear_WithTheCurrentVersion_RemovesTheState_WithAStaleOne_IsRefused()
    {
        var first = await Store.WriteStateAsync(Key, "1", expectedETag: null);
        var second = await Store.WriteStateAsync(Key, "2", first);

        await Assert.ThrowsAsync<GrainStateConflictException>(() => Store.ClearStateAsync(Key, first));
        Assert.NotNull(await Store.ReadStateAsync(Key));

        await Store.ClearStateAsync(Key, second);
        Assert.Null(await Store.ReadStateAsync(Key));
        Assert.NotNull(await Store.WriteStateAsync(Key, "3", expectedETag: null));
    }

    [Fact]
    public async Task ConcurrentWrites_FromOneVersion_LetExactlyOneWin()
    {
        var start = await Store.WriteStateAsync(Key, "start", expectedETag: null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            try
            {
                return await Store.WriteStateAsync(Key, $"writer {writer}", start);
            }
            catch (GrainStateConflictException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(outcomes, etag => etag is not null);
        Assert.Equal(winner, (await Store.ReadStateAsync(Key))!.ETag);
    }
}
