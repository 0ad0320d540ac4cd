using Sweep.Orchestrator.Contracts;
using System.Diagnostics;
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

    /// <summary>Waits until the one sweep under <paramref name="outputRoot"/> shows what the condition asks for.</summary>
    public static async Task<string> WaitForAsync(string outputRoot, Func<SweepSnapshot, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (Directory.Exists(outputRoot) && Directory.GetDirectories(outputRoot) is [var directory]
                && File.Exists(Path.Combine(directory, SweepDirectory.DatabaseName)))
            {
                try
                {
                    if (condition(await SweepResults.ReadAsync(directory)))
                        return directory;
                }
                catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or UserErrorException
                    or SweepStoreFileException)
                {
                    // The program is still creating the database.
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"condition not reached under {outputRoot}");
    }

    /// <summary>The spec run once without interruption, under <c>reference/</c>: what an interrupted, resumed or
    /// moved run must end equal to.</summary>
    public static async Task<SweepSnapshot> UninterruptedAsync(string work, string spec, params string[] options)
    {
        var reference = await SweepProgram.RunAsync(work, ["run", spec, "--out", "reference", .. options]);
        Assert.True(reference.ExitCode == 0, reference.Output + reference.Error);
        return await ReadAsync(SingleSweepDirectory(Path.Combine(work, "reference")));
    }
}
