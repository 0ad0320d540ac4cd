namespace Sweep.Orchestrator.Storage;

/// <summary>A sweep's stored file that cannot be used as it is (not a database, written by a newer version),
/// reported as one line naming the file and what was expected.</summary>
public sealed class SweepStoreFileException(string file, string problem, Exception? inner = null)
    : Exception($"{file}: {problem}", inner)
{
    public string File { get; } = file;
    public string Problem { get; } = problem;
}
