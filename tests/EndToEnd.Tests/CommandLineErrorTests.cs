namespace Sweep.EndToEnd.Tests;

public sealed class CommandLineErrorTests
{
    [Theory]
    [InlineData("training:\n  lr: fast\n", "training.lr")]
    [InlineData("training:\n  epochz: 3\n", "epochs")]
    [InlineData("model: [1, 2\n", "")]
    [InlineData("search:\n  strategy: ofat\n  parameters:\n    training.lrr: [0.1]\n", "training.lr")]
    public async Task BadSpec_FailsWithOneLineNamingTheFile(string yaml, string mentioned)
    {
        var work = TestSpecs.NewWorkDirectory("bad");
        var spec = TestSpecs.Write(work, "bad.yaml", "name: bad\n" + yaml);

        var run = await SweepProgram.RunAsync(work, "validate", spec);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad.yaml:", line);
        Assert.Contains(mentioned, line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task MissingSpec_FailsWithOneLine()
    {
        var work = TestSpecs.NewWorkDirectory("missing");

        var run = await SweepProgram.RunAsync(work, "run", Path.Combine(work, "nope.yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.yaml", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task ResumeOfNonSweepDirectory_FailsWithOneLine()
    {
        var work = TestSpecs.NewWorkDirectory("notsweep");

        var run = await SweepProgram.RunAsync(work, "resume", work);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a sweep directory", run.Error);
    }
}
