using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Cli;

/// <summary>A trial exactly as a sweep ran it, read from the sweep's store: the spec the sweep recorded with the
/// trial's changes and seed applied, and the threads and data directory it trained with. Any trial counts, those an
/// adaptive round or an interaction check added after the initial plan too.</summary>
/// <param name="Threads">Threads per trial the sweep was run with; null for a sweep that recorded none.</param>
public sealed record StoredTrial(TrialSpec Spec, string SpecPath, int? Threads, string? DataDirectory)
{
    public static async Task<StoredTrial> ReadAsync(string sweepDirectory, int index)
    {
        var (sweep, store) = await SweepDirectory.ReadExistingAsync(sweepDirectory, CancellationToken.None);
        await using (store)
        {
            var trial = await store.GetTrialAsync(sweep.Id, index)
                ?? throw new UserErrorException(
                    $"{sweepDirectory}: --trial {index}: the sweep has trials 0 to {(await store.GetTrialsAsync(sweep.Id)).Count - 1}");
            var loader = new SpecLoader();
            var spec = loader.Resolve(loader.Read(sweep.SpecText, sweep.SpecPath), trial.Plan);
            return new StoredTrial(spec, sweep.SpecPath, sweep.Settings?.ThreadsPerSlot, sweep.Settings?.DataDirectory);
        }
    }
}
