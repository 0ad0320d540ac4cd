using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;
using SkiaSharp;

namespace Sweep.Trials.Tests.Data;

/// <summary>Writes small data files in the real formats so the readers can be tested without the real datasets.</summary>
public static class DataFileWriter
{
    public static byte[] IdxImages(int count, int height, int width, Func<int, byte> pixel, int magic = 0x803)
    {
        var bytes = new byte[16 + count * height * width];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), height);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), width);
        for (var i = 16; i < bytes.Length; i++)
            bytes[i] = pixel(i - 16);
        return bytes;
    }

    public static byte[] IdxLabels(IReadOnlyList<int> labels, int magic = 0x801)
    {
        var bytes = new byte[8 + labels.Count];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Count);
        for (var i = 0; i < labels.Count; i++)
            bytes[8 + i] = (byte)labels[i];
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(bytes);
        return output.ToArray();
    }

    /// <summary>A complete MNIST-style folder: the four .gz files, images of <paramref name="side"/>² pixels whose
    /// value is derived from the image index, labels cycling over ten classes.</summary>
    public static void IdxDataset(string folder, int trainCount, int testCount, int side = 4)
    {
        Directory.CreateDirectory(folder);
        foreach (var (prefix, count) in new[] { ("train", trainCount), ("t10k", testCount) })
        {
            File.WriteAllBytes(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"),
                Gzip(IdxImages(count, side, side, i => (byte)(i / (side * side) * 7 + i % 3))));
            File.WriteAllBytes(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"),
                Gzip(IdxLabels(Enumerable.Range(0, count).Select(i => i % 10).ToArray())));
        }
    }

    public static byte[] CifarBatch(IReadOnlyList<int> labels)
    {
        var bytes = new byte[labels.Count * 3073];
        for (var record = 0; record < labels.Count; record++)
        {
            bytes[record * 3073] = (byte)labels[record];
            for (var i = 1; i < 3073; i++)
                bytes[record * 3073 + i] = (byte)((record * 31 + i) % 256);
        }
        return bytes;
    }

    /// <summary>The official archive's layout: cifar-10-batches-bin/ holding the six batches and the class names.</summary>
    public static byte[] CifarArchive(int imagesPerBatch)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip))
        {
            var names = Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin").Append("test_batch.bin");
            foreach (var name in names)
                AddFile(tar, $"cifar-10-batches-bin/{name}",
                    CifarBatch(Enumerable.Range(0, imagesPerBatch).Select(i => i % 10).ToArray()));
            AddFile(tar, "cifar-10-batches-bin/batches.meta.txt",
                System.Text.Encoding.ASCII.GetBytes(string.Join("\n", Enumerable.Range(0, 10).Select(i => $"class{i}")) + "\n\n"));
            AddFile(tar, "readme.html", [1, 2, 3]);
        }
        return output.ToArray();
    }

    private static void AddFile(TarWriter tar, string name, byte[] content) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });

    public static void Png(string path, int width, int height, SKColor color)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>An encoded image whose pixels all differ, so that its compressed data is spread over the whole
    /// file and cutting the file short loses rows.</summary>
    public static byte[] NoisyImage(SKEncodedImageFormat format, int side = 32)
    {
        var random = new Random(7);
        using var bitmap = new SKBitmap(side, side);
        for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
