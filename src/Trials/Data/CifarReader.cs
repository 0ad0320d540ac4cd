namespace Sweep.Trials.Data;

/// <summary>Reads CIFAR-10 binary batches: records of one label byte followed by a 32×32 image stored as
/// 1024 red, 1024 green and 1024 blue bytes, which is already the channel-major layout of <see cref="ImageSet"/>.</summary>
public static class CifarReader
{
    public const int Side = 32;
    public const int ImageBytes = 3 * Side * Side;
    public const int RecordBytes = 1 + ImageBytes;
    public const int ClassCount = 10;

    public static readonly IReadOnlyList<string> DefaultClassNames =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    public static ImageSet Read(IReadOnlyList<string> batchFiles, string? metaFile)
    {
        var classNames = metaFile is not null && File.Exists(metaFile) ? ReadClassNames(metaFile) : DefaultClassNames;
        var batches = batchFiles.Select(ReadBatch).ToList();
        var count = batches.Sum(batch => batch.Labels.Length);
        var pixels = new byte[(long)count * ImageBytes];
        var labels = new int[count];
        var offset = 0;
        foreach (var (batchPixels, batchLabels) in batches)
        {
            batchPixels.CopyTo(pixels, (long)offset * ImageBytes);
            batchLabels.CopyTo(labels, offset);
            offset += batchLabels.Length;
        }
        return new ImageSet(pixels, labels, 3, Side, Side, classNames);
    }

    private static (byte[] Pixels, int[] Labels) ReadBatch(string path)
    {
        if (!File.Exists(path))
            throw new DataFileException(path, "expected a CIFAR-10 batch file, found none");
        var bytes = DataStreams.ReadAllBytes(path);
        if (bytes.Length == 0 || bytes.Length % RecordBytes != 0)
            throw new DataFileException(path,
                $"expected a length that is a positive multiple of {RecordBytes} (1 label + {ImageBytes} pixel bytes), found {bytes.Length}");
        var count = bytes.Length / RecordBytes;
        var pixels = new byte[(long)count * ImageBytes];
        var labels = new int[count];
        for (var record = 0; record < count; record++)
        {
            var start = record * RecordBytes;
            if (bytes[start] >= ClassCount)
                throw new DataFileException(path,
                    $"record {record}: expected a label below {ClassCount}, found {bytes[start]}");
            labels[record] = bytes[start];
            Array.Copy(bytes, start + 1, pixels, (long)record * ImageBytes, ImageBytes);
        }
        return (pixels, labels);
    }

    private static IReadOnlyList<string> ReadClassNames(string path)
    {
        var names = File.ReadAllLines(path).Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        if (names.Count != ClassCount)
            throw new DataFileException(path, $"expected {ClassCount} class names, one per line, found {names.Count}");
        return names;
    }
}
