using System.Diagnostics;
using Sweep.Trials.Training;

namespace Sweep.TrainThroughputBench;

/// <summary>Times the training batches of one epoch from the end of the first batch to the end of the last, so
/// warm-up, the validation pass and test evaluation stay outside the measurement (the PyTorch peer does the same).</summary>
internal sealed class BatchClock : ITrialObserver
{
    private long? _firstBatchEnded;
    private long? _lastBatchEnded;

    public void OnBatch(int epoch, int batch, int batchCount, double meanLoss)
    {
        if (batch == 1)
            _firstBatchEnded = Stopwatch.GetTimestamp();
        if (batch == batchCount)
            _lastBatchEnded = Stopwatch.GetTimestamp();
    }

    public EpochDecision OnEpoch(EpochMetrics metrics) => EpochDecision.Continue;

    public double Seconds => _firstBatchEnded is { } first && _lastBatchEnded is { } last && last > first
        ? Stopwatch.GetElapsedTime(first, last).TotalSeconds
        : throw new InvalidOperationException("the epoch did not run more than one batch");
}
