namespace Sweep.FinetuneBench;

/// <summary>One timed epoch: the images trained inside the timed window, how long they took, and the process's
/// resident memory when the epoch ended.</summary>
internal sealed record EpochRecord(int Epoch, long Images, double Seconds, long ResidentBytes)
{
    public double ImagesPerSecond => Images / Seconds;
}
