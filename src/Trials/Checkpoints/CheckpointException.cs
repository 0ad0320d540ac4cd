namespace Sweep.Trials.Checkpoints;

/// <summary>A checkpoint file that cannot be used, reported as one line: which file, which part, what is wrong.</summary>
public sealed class CheckpointException(string file, string field, string problem)
    : Exception($"{file}: {field}: {problem}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
