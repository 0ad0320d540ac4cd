using Sweep.EndToEnd.Tests.Hostile;
using Sweep.Orchestrator.Tests.TestKit;

namespace Sweep.EndToEnd.Tests;

/// <summary>A worker takes its cluster and its timing from appsettings.json in its working directory and from
/// SWEEP_ environment variables, and refuses values that cannot work before it joins anything.</summary>
public sealed class ClusterSettingsTests : IDisposable
{
    private readonly string work = TestSpecs.NewWorkDirectory("cluster-settings");

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task Worker_TakesTheClusterFromTheSettingsFile_AndSaysWhereItLooked_WithoutThePassword()
    {
        var port = RedisServer.FreeLoopbackPort();
        File.WriteAllText(Path.Combine(work, "appsettings.json"), $$"""
            { "Cluster": { "Redis": "127.0.0.1:{{port}},password=hunter2-secret,connectTimeout=500" } }
            """);

        var run = await SweepProgram.RunAsync(work, "worker");

        var line = Refusals.AssertOneLine(run);
        Assert.Contains($"127.0.0.1:{port}", line);
        Assert.DoesNotContain("hunter2-secret", run.Output + run.Error);
    }

    [Fact]
    public async Task Worker_WithALeaseSetToNonsenseInTheEnvironment_IsRefusedNamingTheVariable()
    {
        var run = await SweepProgram.RunAsync(work, ["worker", "--cluster", "127.0.0.1:1"],
            new Dictionary<string, string> { ["SWEEP_Cluster__LeaseSeconds"] = "soon" });

        Assert.Equal("SWEEP_Cluster__LeaseSeconds: expected a number of seconds above 0 and at most 3600, found 'soon'",
            Refusals.AssertOneLine(run));
    }

    [Fact]
    public async Task Worker_WithASettingsFileThatIsNotJson_IsRefusedNamingTheFile()
    {
        var settings = Path.Combine(work, "appsettings.json");
        File.WriteAllText(settings, "{ \"Cluster\": ");

        var run = await SweepProgram.RunAsync(work, "worker", "--cluster", "127.0.0.1:1");

        Assert.StartsWith($"{settings}: expected a JSON object of settings (", Refusals.AssertOneLine(run));
    }
}
