using System.CommandLine;

namespace Sweep.Orchestrator.Cli;

public static class SweepCommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Sweep: hyperparameter sweeps of CNN training, with diagnoses of what helped, what hurt and what overfit.")
        {
            TrainCommand.Create(),
            RunCommand.Create(),
            ResumeCommand.Create(),
            StatusCommand.Create(),
            PlanCommand.Create(),
            ValidateCommand.Create(),
            ExportCommand.Create(),
            ReportCommand.Create(),
            VersionCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
