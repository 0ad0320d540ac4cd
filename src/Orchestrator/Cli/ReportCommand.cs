using System.CommandLine;
using Sweep.Orchestrator.Reporting;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep report DIR</c>: rebuilds report/index.html from the sweep's store, finished or not.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("sweep-dir") { Description = "The sweep directory." };
        var command = new Command("report", "Write the sweep's HTML report (report/index.html).") { directory };
        command.SetAction((parse, cancellation) => UserErrors.Guard(async () =>
        {
            var (sweep, store) = await SweepDirectory.OpenExistingAsync(parse.GetValue(directory)!.FullName, cancellation);
            await using var _ = store;
            Console.WriteLine($"Report: {await SweepReport.WriteAsync(sweep, store, parse.GetValue(directory)!.FullName, cancellation)}");
            return 0;
        }));
        return command;
    }
}
