using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Tests.TestKit;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Tests.Live;

/// <summary>A synthetic sweep in a real store, with one trial leased so epochs can be recorded for it.</summary>
internal static class LiveFixtures
{
    public const string SweepId = "live-1";
    public const string Owner = "host-a/42/slot0/lease";

    public static async Task<ISweepStore> SweepWithRunningTrialAsync(ISweepStore store)
    {
        var spec = new SpecLoader().Read(SyntheticSpecs.Ofat(epochs: 5), SyntheticSpecs.Path);
        var plan = SweepPlanner.InitialPlan(spec);
        await store.CreateSweepAsync(new SweepRecord(SweepId, "synthetic-ofat", SyntheticSpecs.Path, spec.Text, "Ofat",
            SweepDirectory.PlanHash(plan), DateTimeOffset.UtcNow));
        await store.AddTrialsAsync(SweepId, plan);
        var now = DateTimeOffset.UtcNow;
        Assert.NotNull(await store.TryLeaseAsync(SweepId, 0, Owner, now, now.AddHours(1)));
        return store;
    }

    /// <summary>The same sweep in a SQLite store in <paramref name="directory"/>, as a sweep directory holds it.</summary>
    public static Task<ISweepStore> SqliteSweepWithRunningTrialAsync(string directory) =>
        SweepWithRunningTrialAsync(SqliteSweepStore.Open(Path.Combine(directory, SqliteSweepStore.FileName)));

    public static Task<bool> EpochAsync(ISweepStore store, int epoch) =>
        store.AppendEpochAsync(SweepId, 0, Owner,
            new EpochMetrics(epoch, 1.0 / epoch, 0.5, 1.1 / epoch, 0.6 + epoch / 100.0, 1e-3, 1.5, 1000),
            StopDecision.Continue("kept"));
}
