using Sweep.Trials.Data;

namespace Sweep.Trials.Tests.Data;

public sealed class CifarReaderTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_ConcatenatesBatchesInOrder_WithDefaultClassNames()
    {
        var first = Write("data_batch_1.bin", DataFileWriter.CifarBatch([3, 9]));
        var second = Write("data_batch_2.bin", DataFileWriter.CifarBatch([5]));

        var set = CifarReader.Read([first, second], folder.File("batches.meta.txt"));

        Assert.Equal((3, 3, 32, 32), (set.Count, set.Channels, set.Height, set.Width));
        Assert.Equal([3, 9, 5], set.Labels);
        Assert.Equal("airplane", set.ClassNames[0]);
        Assert.Equal(DataFileWriter.CifarBatch([5]).AsSpan(1).ToArray(), set.Pixels.AsSpan(2 * 3072).ToArray());
    }

    [Fact]
    public void Read_TakesClassNamesFromMetaFile()
    {
        var batch = Write("test_batch.bin", DataFileWriter.CifarBatch([0]));
        var meta = Write("batches.meta.txt", "zero\none\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n\n"u8.ToArray());

        var set = CifarReader.Read([batch], meta);

        Assert.Equal("nine", set.ClassNames[9]);
    }

    [Fact]
    public void Read_LengthNotAMultipleOfRecord_IsReported()
    {
        var batch = Write("data_batch_1.bin", DataFileWriter.CifarBatch([1, 2])[..^100]);

        var error = Assert.Throws<DataFileException>(() => CifarReader.Read([batch], null));

        Assert.Equal($"{batch}: expected a length that is a positive multiple of 3073 (1 label + 3072 pixel bytes), found 6046",
            error.Message);
    }

    [Fact]
    public void Read_LabelOfTenOrMore_IsReported()
    {
        var batch = Write("data_batch_1.bin", DataFileWriter.CifarBatch([1, 10]));

        var error = Assert.Throws<DataFileException>(() => CifarReader.Read([batch], null));

        Assert.Contains("record 1: expected a label below 10, found 10", error.Message);
    }

    [Fact]
    public void Read_MetaFileWithWrongCount_IsReported()
    {
        var batch = Write("data_batch_1.bin", DataFileWriter.CifarBatch([1]));
        var meta = Write("batches.meta.txt", "cat\ndog\n"u8.ToArray());

        var error = Assert.Throws<DataFileException>(() => CifarReader.Read([batch], meta));

        Assert.Equal($"{meta}: expected 10 class names, one per line, found 2", error.Message);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
