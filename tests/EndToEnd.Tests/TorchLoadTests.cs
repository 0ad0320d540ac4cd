namespace Sweep.EndToEnd.Tests;

public sealed class TorchLoadTests
{
    /// <summary>A fresh process proves the build output's libLibTorchSharp.so loads on this system as patched.</summary>
    [Fact]
    public async Task Version_LoadsTorchSharpInAFreshProcess()
    {
        var run = await SweepProgram.RunAsync(AppContext.BaseDirectory, "version");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("libtorch 2.10", run.Output);
        Assert.Contains("device cpu", run.Output);
    }
}
