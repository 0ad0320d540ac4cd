namespace Sweep.Trials.Training;

/// <summary>How an epoch's shuffled training images are cut into batches: of the batch size, the last one shorter,
/// except that a last batch of a single image joins the one before it. A step on one image is mostly noise, and a
/// BatchNorm in train mode cannot normalise one value per channel (its running variance turns NaN), which would end a
/// healthy trial as diverged only because of how the data size falls.</summary>
public static class EpochBatches
{
    public static int Count(long images, int batchSize)
    {
        var count = (int)((images + batchSize - 1) / batchSize);
        return count > 1 && images % batchSize == 1 ? count - 1 : count;
    }

    /// <summary>Where batch <paramref name="batch"/> (from 0) starts in the epoch's order, and how many images it has.</summary>
    public static (long Start, long Size) Range(int batch, long images, int batchSize)
    {
        var start = (long)batch * batchSize;
        return batch == Count(images, batchSize) - 1 ? (start, images - start) : (start, batchSize);
    }
}
