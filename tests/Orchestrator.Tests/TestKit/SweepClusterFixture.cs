using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.TestKit;

/// <summary>One test cluster per test class, on a fake clock that only the class's tests move. Each test creates
/// its own sweep in its own in-memory store, so tests share nothing but the silo and the clock.</summary>
public sealed class SweepClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    public TestSweepStores Stores { get; } = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await SweepTestCluster.StartAsync(Stores, Time);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>As if the silo holding the grains had gone: the next call activates them afresh from the store.</summary>
    public Task DeactivateAllGrainsAsync() =>
        Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    internal async Task<TestSweep> CreateSweepAsync(string specText, string label = "sweep")
    {
        var id = TestSweeps.NewId(label);
        var store = new InMemorySweepStore();
        var spec = await TestSweeps.CreateAsync(store, id, specText, Time.GetUtcNow());
        Stores.Register(id, store);
        return new TestSweep(id, spec, store, Cluster.Client.GetGrain<ISweepGrain>(id));
    }
}

internal sealed record TestSweep(string Id, SweepSpec Spec, InMemorySweepStore Store, ISweepGrain Grain)
{
    /// <summary>Round 0 of <see cref="SyntheticSpecs.Adaptive"/>: the baseline and its three single changes, of which
    /// trial 1 (lr 0.01) is the best.</summary>
    public static readonly IReadOnlyDictionary<int, double> AdaptiveRoundZero =
        new Dictionary<int, double> { [0] = 0.80, [1] = 0.85, [2] = 0.70, [3] = 0.78 };

    public async Task<TrialRecord> TrialAsync(int index) => (await Store.GetTrialAsync(Id, index))!;

    /// <summary>Leases every round-0 trial of the adaptive spec to a slot of its own (<c>slot0</c>…) and finishes
    /// those given with their objectives.</summary>
    public async Task StartAdaptiveRoundZeroAsync(params int[] finish)
    {
        foreach (var index in AdaptiveRoundZero.Keys)
            await Grain.LeaseAsync($"slot{index}");
        foreach (var index in finish)
            await Grain.FinishAsync(index, $"slot{index}", Outcomes.Completed(AdaptiveRoundZero[index]));
    }
}
