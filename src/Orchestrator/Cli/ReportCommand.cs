using System.CommandLine;
using Sweep.Orchestrator.Reporting;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep report DIR</c>: rebuilds report/index.html from the sweep's store, finished or not. The
/// store is only read, so a sweep archived on a read-only medium can have its report written elsewhere.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("sweep-dir") { Description = "The sweep directory (with --cluster: the sweep's id, pulled into runs/)." };
        var cluster = new ClusterOptions();
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Folder to write index.html to (default: the sweep's report/).",
        };
        var command = new Command("report", "Write the sweep's HTML report (report/index.html).") { directory, output };
        cluster.AddTo(command);
        command.SetAction((parse, cancellation) => UserErrors.Guard(async () =>
        {
            using var copy = await ClusterSweepCopy.OpenAsync(cluster, parse, parse.GetValue(directory)!, keepUnder: "runs");
            return await WriteAsync(new DirectoryInfo(copy.Directory), parse.GetValue(output), cancellation);
        }));
        return command;
    }

    private static async Task<int> WriteAsync(DirectoryInfo directory, DirectoryInfo? output,
        CancellationToken cancellation)
    {
        var (sweep, store) = await SweepDirectory.ReadExistingAsync(directory.FullName, cancellation);
        await using var _ = store;
        var reportDirectory = output is null
            ? OutputLocations.RequireFolder(Path.Combine(directory.FullName, "report"), "for the report",
                "; pass --out DIR to write the report elsewhere")
            : OutputLocations.RequireFolder(output.FullName, "for --out");
        try
        {
            Console.WriteLine($"Report: {await SweepReport.WriteAsync(sweep, store, directory.FullName, cancellation, reportDirectory)}");
        }
        catch (Exception error) when (EnvironmentErrors.IsDiskFull(error))
        {
            throw EnvironmentErrors.DiskFull(Path.Combine(reportDirectory, Reports.ReportWriter.FileName));
        }
        return 0;
    }
}
