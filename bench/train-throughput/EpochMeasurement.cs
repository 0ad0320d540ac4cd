namespace Sweep.TrainThroughputBench;

/// <summary>One timed epoch: the images trained inside the timed window and how long they took.</summary>
internal sealed record EpochMeasurement(long Images, double Seconds)
{
    public double ImagesPerSecond => Images / Seconds;
}
