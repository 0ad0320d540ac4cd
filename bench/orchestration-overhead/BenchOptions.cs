using Sweep.Bench;

namespace Sweep.OrchestrationOverheadBench;

public sealed record BenchOptions(int Trials, int Slots, int OptunaTrials, int OneSecondTrials, string WorkDirectory)
{
    private static readonly string[] Names = ["--trials", "--slots", "--optuna-trials", "--one-second-trials", "--work"];

    public static BenchOptions Parse(string[] args)
    {
        var values = new BenchArguments(args, Names);
        var trials = values.Count("--trials", 10_000);
        return new BenchOptions(trials, values.Count("--slots", 8), values.Count("--optuna-trials", trials),
            values.Count("--one-second-trials", 160),
            values.Text("--work", Path.Combine(Path.GetTempPath(), "sweep-orchestration-bench")));
    }
}
