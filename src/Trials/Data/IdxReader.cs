using System.Buffers.Binary;

namespace Sweep.Trials.Data;

/// <summary>Reads the IDX format of MNIST and Fashion-MNIST (raw or gzip): big-endian magic number, counts and
/// dimensions, then one unsigned byte per pixel or label.</summary>
public static class IdxReader
{
    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;

    public static ImageSet Read(string imagesFile, string labelsFile, IReadOnlyList<string> classNames)
    {
        var (pixels, count, height, width) = ReadImages(imagesFile);
        var labels = ReadLabels(labelsFile, classNames.Count);
        if (labels.Length != count)
            throw new DataFileException(labelsFile,
                $"expected {count} labels (the image count of {imagesFile}), found {labels.Length}");
        return new ImageSet(pixels, labels, 1, height, width, classNames);
    }

    private static (byte[] Pixels, int Count, int Height, int Width) ReadImages(string path)
    {
        using var stream = DataStreams.OpenMaybeGzip(path);
        var header = ReadHeader(stream, path, 16, "IDX image header");
        ExpectMagic(header, ImagesMagic, path, "IDX images");
        var count = ReadDimension(header, 4, path, "image count");
        var height = ReadDimension(header, 8, path, "rows");
        var width = ReadDimension(header, 12, path, "columns");
        var expected = (Int128)count * height * width;
        if (expected > Array.MaxLength)
            throw new DataFileException(path, $"expected at most {Array.MaxLength} pixels, found a header declaring {expected}");
        var pixels = DataStreams.ReadAtMost(stream, (int)expected, path);
        if (pixels.Length < expected || DataStreams.HasMoreData(stream, path))
            throw new DataFileException(path,
                $"expected {count}×{height}×{width} = {expected} pixel bytes after the header, found " +
                (pixels.Length < expected ? $"{pixels.Length} (truncated)" : "more (trailing data)"));
        return (pixels, count, height, width);
    }

    private static int[] ReadLabels(string path, int classCount)
    {
        using var stream = DataStreams.OpenMaybeGzip(path);
        var header = ReadHeader(stream, path, 8, "IDX label header");
        ExpectMagic(header, LabelsMagic, path, "IDX labels");
        var count = ReadDimension(header, 4, path, "label count");
        if (count > Array.MaxLength)
            throw new DataFileException(path, $"expected at most {Array.MaxLength} labels, found a header declaring {count}");
        var bytes = DataStreams.ReadAtMost(stream, count, path);
        if (bytes.Length < count || DataStreams.HasMoreData(stream, path))
            throw new DataFileException(path, $"expected {count} label bytes after the header, found " +
                (bytes.Length < count ? $"{bytes.Length} (truncated)" : "more (trailing data)"));
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (bytes[i] >= classCount)
                throw new DataFileException(path, $"label {i}: expected a class below {classCount}, found {bytes[i]}");
            labels[i] = bytes[i];
        }
        return labels;
    }

    private static byte[] ReadHeader(Stream stream, string path, int length, string what)
    {
        var header = new byte[length];
        var read = DataStreams.ReadUpTo(stream, header, path);
        if (read < length)
            throw new DataFileException(path, $"expected a {length}-byte {what}, found {read} bytes");
        return header;
    }

    private static void ExpectMagic(byte[] header, int magic, string path, string what)
    {
        var found = BinaryPrimitives.ReadInt32BigEndian(header);
        if (found != magic)
            throw new DataFileException(path, $"expected magic number 0x{magic:X8} ({what}), found 0x{found:X8}");
    }

    private static int ReadDimension(byte[] header, int offset, string path, string what)
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(offset));
        if (value <= 0)
            throw new DataFileException(path, $"expected a positive {what}, found {value}");
        return value;
    }
}
