using Spectre.Console;
using System.CommandLine;

namespace Sweep.Orchestrator.Cli;

public static class SweepCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var signals = new StopSignals();
        // Captured output (logs, CI) is read by programs and people searching it: never wrap a path or a command.
        if (Console.IsOutputRedirected)
            AnsiConsole.Profile.Width = 4096;
        var root = new RootCommand("Sweep: hyperparameter sweeps of CNN training, with diagnoses of what helped, what hurt and what overfit.")
        {
            TrainCommand.Create(signals),
            RunCommand.Create(signals),
            ResumeCommand.Create(signals),
            StatusCommand.Create(),
            PlanCommand.Create(),
            ValidateCommand.Create(),
            ExportCommand.Create(),
            ExportWeightsCommand.Create(),
            ReportCommand.Create(),
            ServeCommand.Create(),
            VersionCommand.Create(),
            WorkerCommand.Create(signals),
            ClusterCommands.List(),
            ClusterCommands.Cancel(),
            ClusterCommands.Pull(),
            Workers.TrialWorkerCommand.Create(),
        };
        // Signals are handled by StopSignals alone: the library's own handling ends the process two seconds after
        // Ctrl-C, before trials are given back and the report is written.
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
