namespace Sweep.Reports.Model;

/// <summary>How a failed trial is named in one line, on the console and in the report: the first line of its
/// message; the full trace is in the sweep's log.</summary>
public static class FailureLine
{
    public static string Of(string? message) =>
        message?.Split('\n', 2)[0].Trim() is { Length: > 0 } line ? line : "no message recorded";
}
