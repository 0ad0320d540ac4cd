using Spectre.Console;
using System.CommandLine;

namespace Sweep.Orchestrator.Cli;

public static class SweepCommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        // Captured output (logs, CI) is read by programs and people searching it: never wrap a path or a command.
        if (Console.IsOutputRedirected)
            AnsiConsole.Profile.Width = 4096;
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
            Workers.TrialWorkerCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
