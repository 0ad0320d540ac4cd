using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Tests.TestKit;

/// <summary>Puts a sweep into a store the way <c>sweep run</c> does: the spec read by the real loader, its initial
/// plan stored as pending trials.</summary>
internal static class TestSweeps
{
    public static async Task<SweepSpec> CreateAsync(ISweepStore store, string sweepId, string specText,
        DateTimeOffset createdAt)
    {
        var spec = new SpecLoader().Read(specText, SyntheticSpecs.Path);
        var plan = SweepPlanner.InitialPlan(spec);
        await store.CreateSweepAsync(new SweepRecord(sweepId, spec.Baseline.Name, spec.SourcePath, spec.Text,
            spec.Search.Strategy.ToString(), SweepDirectory.PlanHash(plan), createdAt));
        await store.AddTrialsAsync(sweepId, plan);
        return spec;
    }

    public static string NewId(string label) => $"{label}-{Guid.NewGuid():N}"[..(label.Length + 9)];
}
