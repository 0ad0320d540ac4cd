namespace Sweep.AccuracyBench;

/// <summary>The benchmark table file lacks what this benchmark reads from it; one line naming the file, the row or
/// column and what was expected.</summary>
internal sealed class BenchmarkTableException(string file, string problem) : Exception($"{file}: {problem}");
