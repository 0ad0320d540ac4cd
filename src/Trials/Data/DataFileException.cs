namespace Sweep.Trials.Data;

/// <summary>A data file (or a folder of them) that is missing or not what its format promises, reported as one
/// line: the file, then what was expected and what was found.</summary>
public sealed class DataFileException(string file, string problem) : Exception($"{file}: {problem}")
{
    public string File { get; } = file;
    public string Problem { get; } = problem;
}
