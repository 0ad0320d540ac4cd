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

    /// <summary>The slot count asked for, checked before anything is created.</summary>
    public static int? ValidSlots(int? slots) => slots is < 1
        ? throw new Contracts.UserErrorException($"--slots {slots}: expected a whole number of at least 1")
        : slots;

    /// <summary>The data directory asked for, which must exist: a mistyped one must not fall back to other data.</summary>
    public static string? ExistingDataDirectory(DirectoryInfo? dataDir) => dataDir switch
    {
        null => null,
        { Exists: true } => dataDir.FullName,
        _ => throw new Contracts.UserErrorException($"--data-dir {dataDir.FullName}: expected an existing directory, found none"),
    };
}
