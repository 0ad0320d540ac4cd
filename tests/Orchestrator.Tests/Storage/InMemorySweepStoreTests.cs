using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.Storage;

public sealed class InMemorySweepStoreTests : SweepStoreContract
{
    protected override Task<ISweepStore> CreateStoreAsync() => Task.FromResult<ISweepStore>(new InMemorySweepStore());
}
