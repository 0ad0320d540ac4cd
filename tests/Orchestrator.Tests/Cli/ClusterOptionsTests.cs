using System.CommandLine;
using Sweep.Orchestrator.Cli;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Tests.Storage;

namespace Sweep.Orchestrator.Tests.Cli;

/// <summary>Which cluster a command reads when its argument may be a sweep directory here or a cluster sweep's id
/// (serve, status, export, report).</summary>
public sealed class ClusterOptionsTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public void SweepDirectoryOfThisHost_IsReadHere_WhenOnlyTheSettingsNameACluster()
    {
        var run = LocalSweepDirectory();

        Assert.Null(ForSweepArgument(run));
    }

    [Fact]
    public void SweepDirectoryOfThisHost_IsReadFromTheCluster_WhenTheCommandLineNamesIt()
    {
        var run = LocalSweepDirectory();

        Assert.Equal("cluster-a", ForSweepArgument(run, "--cluster", "127.0.0.1:1")?.ClusterId);
    }

    [Fact]
    public void SweepIdOrFolderWithoutAStore_IsReadFromTheSettingsCluster()
    {
        Directory.CreateDirectory(Path.Combine(work.Path, "not-a-sweep"));

        Assert.Equal("cluster-a", ForSweepArgument("quickstart-1a2b3c4d")?.ClusterId);
        Assert.Equal("cluster-a", ForSweepArgument(Path.Combine(work.Path, "not-a-sweep"))?.ClusterId);
        Assert.Equal("cluster-a", ForSweepArgument()?.ClusterId);
    }

    private string LocalSweepDirectory()
    {
        var run = Path.Combine(work.Path, "runs", "quickstart-1a2b3c4d");
        Directory.CreateDirectory(run);
        File.WriteAllBytes(Path.Combine(run, SweepDirectory.DatabaseName), []);
        return run;
    }

    private ClusterConnection? ForSweepArgument(params string[] commandLine)
    {
        File.WriteAllText(Path.Combine(work.Path, SweepSettings.FileName),
            """{ "Cluster": { "Redis": "127.0.0.1:2", "Id": "cluster-a" } }""");
        var cluster = new ClusterOptions();
        var sweep = new Argument<string?>("sweep-dir") { Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("serve") { sweep };
        cluster.AddTo(command);
        var parse = command.Parse(commandLine);
        return cluster.ForSweepArgument(parse, SweepSettings.Load(work.Path), parse.GetValue(sweep));
    }
}
