using Sweep.Bench;

namespace Sweep.LiveBench;

/// <summary>The benchmark's options; every one has a default, so <c>bench/live/run</c> alone measures as documented.</summary>
public sealed record BenchOptions(IReadOnlyList<string> Only, int Runs, int Epochs, int TrainSubset, int Trials,
    int TrialEpochs, int Loads, string WorkDirectory)
{
    public const string EpochPart = "epochs";
    public const string LoadPart = "load";
    private static readonly string[] Parts = [EpochPart, LoadPart];
    private static readonly string[] Names =
        ["--only", "--runs", "--epochs", "--train-subset", "--trials", "--trial-epochs", "--loads", "--work"];

    public static BenchOptions Parse(string[] args)
    {
        var values = new BenchArguments(args, Names);
        var only = values.List("--only", string.Join(",", Parts), part => Parts.Contains(part)
            ? part : throw new ArgumentException($"--only {part}: expected {string.Join(" or ", Parts)}"));
        return new BenchOptions(
            only,
            values.Count("--runs", 3),
            values.Count("--epochs", 4),
            values.Count("--train-subset", 3000),
            values.Count("--trials", 1000),
            values.Count("--trial-epochs", 50),
            values.Count("--loads", 5),
            values.Text("--work", Path.Combine(Path.GetTempPath(), "sweep-live-bench")));
    }
}
