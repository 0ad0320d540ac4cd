using Microsoft.Extensions.Logging;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Tests.Hosting;

public sealed class SweepLogFileTests
{
    [Fact]
    public void AnEntry_IsAppendedWithItsExceptionsTrace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sweep-log-{Guid.NewGuid():N}.log");
        using var file = new SweepLogFile(path);
        var logger = file.CreateLogger("Sweep.Test");

        logger.LogWarning("first");
        logger.LogError(Thrown(), "trial {Index} failed", 3);

        var lines = File.ReadAllLines(path);
        Assert.EndsWith(" Warning Sweep.Test: first", lines[0]);
        Assert.EndsWith(" Error Sweep.Test: trial 3 failed", lines[1]);
        Assert.Equal("System.InvalidOperationException: broken", lines[2]);
        Assert.Contains(lines, line => line.TrimStart().StartsWith($"at {typeof(SweepLogFileTests).FullName}.{nameof(Thrown)}", StringComparison.Ordinal));
        File.Delete(path);
    }

    [Fact]
    public void AFileThatCannotBeWritten_LosesTheEntryWithoutThrowing()
    {
        using var file = new SweepLogFile(Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "sweep.log"));

        file.CreateLogger("Sweep.Test").LogError(Thrown(), "trial failed");
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("broken");
        }
        catch (InvalidOperationException error)
        {
            return error;
        }
    }
}
