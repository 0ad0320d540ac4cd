namespace Sweep.Trials.Specs;

/// <summary>A mistake in a user's input, reported as one line: where, which field, what was expected.</summary>
public sealed class SpecException(string file, int? line, string field, string problem)
    : Exception(Format(file, line, field, problem))
{
    public string File { get; } = file;
    public int? Line { get; } = line;
    public string Field { get; } = field;
    public string Problem { get; } = problem;

    private static string Format(string file, int? line, string field, string problem) =>
        $"{file}{(line is { } l ? $":{l}" : "")}: {field}: {problem}";
}
