using Sweep.Trials.Tests.Data;

namespace Sweep.EndToEnd.Tests;

/// <summary>A Fashion-MNIST folder of gzipped IDX files: 40 training and 10 test images of a fixed pattern.</summary>
public static class GeneratedIdxDataset
{
    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (prefix, count) in new[] { ("train", 40), ("t10k", 10) })
        {
            File.WriteAllBytes(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), DataFileWriter.Gzip(Images(count)));
            File.WriteAllBytes(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"),
                DataFileWriter.Gzip(DataFileWriter.IdxLabels([.. Enumerable.Range(0, count).Select(i => i % 10)])));
        }
    }

    public static byte[] Images(int count, int magic = 0x803) =>
        DataFileWriter.IdxImages(count, 28, 28, i => (byte)((i + 16) * 31 % 256), magic);
}
