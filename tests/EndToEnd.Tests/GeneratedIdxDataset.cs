using System.Buffers.Binary;
using System.IO.Compression;

namespace Sweep.EndToEnd.Tests;

/// <summary>A Fashion-MNIST folder of gzipped IDX files: 40 training and 10 test images of a fixed pattern.</summary>
public static class GeneratedIdxDataset
{
    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (prefix, count) in new[] { ("train", 40), ("t10k", 10) })
        {
            File.WriteAllBytes(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), Gzip(Images(count)));
            File.WriteAllBytes(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"), Gzip(Labels(count)));
        }
    }

    public static byte[] Images(int count, int magic = 0x803)
    {
        var bytes = new byte[16 + count * 28 * 28];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 28);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), 28);
        for (var i = 16; i < bytes.Length; i++)
            bytes[i] = (byte)(i * 31 % 256);
        return bytes;
    }

    private static byte[] Labels(int count)
    {
        var bytes = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        for (var i = 0; i < count; i++)
            bytes[8 + i] = (byte)(i % 10);
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(bytes);
        return output.ToArray();
    }
}
