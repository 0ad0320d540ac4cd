namespace Sweep.EndToEnd.Tests.Hostile;

/// <summary>The standard a refused command meets: its exit code, exactly one line on stderr starting with
/// <c>error: </c>, and no stack trace anywhere, not even folded into a log line.</summary>
public static class Refusals
{
    /// <returns>The error line, without its <c>error: </c>.</returns>
    public static string AssertOneLine(ProgramRun run, int exitCode = 2)
    {
        AssertNoStackTrace(run);
        Assert.True(exitCode == run.ExitCode, $"exit {run.ExitCode}, expected {exitCode}:\n{run.Output}\n{run.Error}");
        var line = Assert.Single(Lines(run.Error));
        Assert.StartsWith("error: ", line);
        return line["error: ".Length..];
    }

    /// <summary>For a command that ran before it failed: its log lines may precede the one error line.</summary>
    public static string AssertEndsWithOneErrorLine(ProgramRun run, int exitCode = 2)
    {
        AssertNoStackTrace(run);
        Assert.True(exitCode == run.ExitCode, $"exit {run.ExitCode}, expected {exitCode}:\n{run.Output}\n{run.Error}");
        var line = Assert.Single(Lines(run.Error), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Equal(line, Lines(run.Error)[^1]);
        return line["error: ".Length..];
    }

    public static void AssertSucceeded(ProgramRun run)
    {
        AssertNoStackTrace(run);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.Output}\n{run.Error}");
    }

    private static void AssertNoStackTrace(ProgramRun run)
    {
        Assert.DoesNotContain("   at ", run.Output);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Unhandled exception", run.Output + run.Error);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => l.TrimEnd('\r')).ToArray();
}
