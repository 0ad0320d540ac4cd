using Sweep.Orchestrator.Storage;

namespace Sweep.EndToEnd.Tests;

/// <summary>What a sweep directory holds, read through the same store the program writes.</summary>
public sealed record SweepSnapshot(string Directory, IReadOnlyList<TrialRecord> Trials, IReadOnlyList<EpochRecord> Epochs);

public static class SweepResults
{
    public static string SingleSweepDirectory(string outputRoot)
    {
        var directories = Directory.GetDirectories(outputRoot);
        Assert.Single(directories);
        return directories[0];
    }

    public static async Task<SweepSnapshot> ReadAsync(string sweepDirectory)
    {
        var (sweep, store) = await SweepDirectory.OpenExistingAsync(sweepDirectory, CancellationToken.None);
        await using var _ = store;
        return new SweepSnapshot(sweepDirectory, await store.GetTrialsAsync(sweep.Id), await store.GetEpochsAsync(sweep.Id));
    }
}
