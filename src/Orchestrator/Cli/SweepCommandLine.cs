namespace Sweep.Orchestrator.Cli;

public static class SweepCommandLine
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
