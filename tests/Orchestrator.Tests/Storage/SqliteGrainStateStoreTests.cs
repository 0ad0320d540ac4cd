using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Storage.Sqlite;

namespace Sweep.Orchestrator.Tests.Storage;

public sealed class SqliteGrainStateStoreTests : GrainStateStoreContract
{
    private readonly TempDirectory _directory = new();

    protected override async Task<IGrainStateStore> CreateStoreAsync() =>
        await SqliteSweepStore.OpenAsync(_directory.Path);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
