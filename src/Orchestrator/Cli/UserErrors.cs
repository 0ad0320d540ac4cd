using Spectre.Console;
using Sweep.Orchestrator.Contracts;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Cli;

/// <summary>A user's mistake, or a failure of the machine the user must fix, ends the command with one line on
/// stderr and exit code 2, never a stack trace.</summary>
public static class UserErrors
{
    public const int ExitCode = 2;

    public static async Task<int> Guard(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception exception) when (Describe(exception) is { } line)
        {
            Console.Error.WriteLine($"error: {line.ReplaceLineEndings(" ")}");
            return ExitCode;
        }
    }

    /// <summary>The one line that tells a user's mistake or the machine's failure; null for anything else (a bug).</summary>
    public static string? Describe(Exception exception) => IsUserError(exception)
        ? exception.Message
        : EnvironmentErrors.Describe(exception);

    private static bool IsUserError(Exception exception) => exception is SpecException or UserErrorException
        or FileNotFoundException or DirectoryNotFoundException or Trials.Data.DataFileException
        or Trials.Checkpoints.CheckpointException or Storage.SweepStoreFileException;
}
