using System.CommandLine;

namespace Sweep.Orchestrator.Cli;

/// <summary>Options shared by the commands that run trials.</summary>
public sealed class RunOptions
{
    public Option<int?> Slots { get; } = new("--slots")
    {
        Description = "Trials run at once on this host (default: one per GPU, else one per two cores).",
    };

    public Option<DirectoryInfo?> DataDir { get; } = new("--data-dir")
    {
        Description = "Where to look for dataset files before the standard places.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Slots);
        command.Options.Add(DataDir);
    }
}
