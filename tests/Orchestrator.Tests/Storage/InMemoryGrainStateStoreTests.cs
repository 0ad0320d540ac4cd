using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.Storage;

public sealed class InMemoryGrainStateStoreTests : GrainStateStoreContract
{
    protected override Task<IGrainStateStore> CreateStoreAsync() =>
        Task.FromResult<IGrainStateStore>(new InMemorySweepStore());
}
