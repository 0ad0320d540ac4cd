using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.Storage;

public sealed class SqliteGrainStateStoreTests : GrainStateStoreContract
{
    private readonly TempDirectory _directory = new();

    protected override Task<IGrainStateStore> CreateStoreAsync() =>
        Task.FromResult<IGrainStateStore>(SqliteSweepStore.Open(Path.Combine(_directory.Path, SqliteSweepStore.FileName)));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
