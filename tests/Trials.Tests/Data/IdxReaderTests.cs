using System.Buffers.Binary;
using Sweep.Trials.Data;

namespace Sweep.Trials.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private static readonly string[] Classes = ["a", "b", "c"];
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_ReturnsPixelsAndLabels_RawOrGzip(bool gzip)
    {
        var images = DataFileWriter.IdxImages(3, 2, 2, i => (byte)(i * 10));
        var labels = DataFileWriter.IdxLabels([2, 0, 1]);
        var (imagesFile, labelsFile) = Write(gzip ? DataFileWriter.Gzip(images) : images,
            gzip ? DataFileWriter.Gzip(labels) : labels);

        var set = IdxReader.Read(imagesFile, labelsFile, Classes);

        Assert.Equal((3, 1, 2, 2), (set.Count, set.Channels, set.Height, set.Width));
        Assert.Equal([2, 0, 1], set.Labels);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (byte)(i * 10)), set.Pixels);
        Assert.Equal(Classes, set.ClassNames);
    }

    [Fact]
    public void Read_WrongImageMagic_NamesFileAndBothNumbers()
    {
        var (imagesFile, labelsFile) = Write(DataFileWriter.IdxImages(2, 2, 2, _ => 0, magic: 0x801),
            DataFileWriter.IdxLabels([0, 1]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Equal(imagesFile, error.File);
        Assert.Contains("expected magic number 0x00000803", error.Message);
        Assert.Contains("found 0x00000801", error.Message);
    }

    [Fact]
    public void Read_WrongLabelMagic_IsReported()
    {
        var (imagesFile, labelsFile) = Write(DataFileWriter.IdxImages(2, 2, 2, _ => 0),
            DataFileWriter.IdxLabels([0, 1], magic: 0x803));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Equal(labelsFile, error.File);
        Assert.Contains("0x00000801", error.Message);
    }

    [Fact]
    public void Read_TruncatedGzipImages_SaysHowManyBytesWereThere()
    {
        var images = DataFileWriter.IdxImages(3, 2, 2, _ => 1);
        var (imagesFile, labelsFile) = Write(DataFileWriter.Gzip(images[..^5]), DataFileWriter.IdxLabels([0, 1, 2]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Equal($"{imagesFile}: expected 3×2×2 = 12 pixel bytes after the header, found 7 (truncated)", error.Message);
    }

    [Fact]
    public void Read_TrailingBytes_AreRejected()
    {
        var images = DataFileWriter.IdxImages(1, 2, 2, _ => 1);
        var (imagesFile, labelsFile) = Write([.. images, 9], DataFileWriter.IdxLabels([0]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Contains("trailing data", error.Message);
    }

    [Fact]
    public void Read_ShortHeader_IsReported()
    {
        var (imagesFile, labelsFile) = Write([0, 0, 8], DataFileWriter.IdxLabels([0]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Contains("expected a 16-byte IDX image header, found 3 bytes", error.Message);
    }

    [Fact]
    public void Read_ImageAndLabelCountsDisagree_NamesBothCounts()
    {
        var (imagesFile, labelsFile) = Write(DataFileWriter.IdxImages(3, 2, 2, _ => 0), DataFileWriter.IdxLabels([0, 1]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Equal($"{labelsFile}: expected 3 labels (the image count of {imagesFile}), found 2", error.Message);
    }

    [Fact]
    public void Read_LabelBeyondClasses_IsReported()
    {
        var (imagesFile, labelsFile) = Write(DataFileWriter.IdxImages(2, 2, 2, _ => 0), DataFileWriter.IdxLabels([0, 7]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Contains("label 1: expected a class below 3, found 7", error.Message);
    }

    [Fact]
    public void Read_CorruptGzip_IsADataFileError()
    {
        var compressed = DataFileWriter.Gzip(DataFileWriter.IdxImages(50, 4, 4, i => (byte)i));
        for (var i = 20; i < compressed.Length - 8; i++)
            compressed[i] ^= 0x5A;
        var (imagesFile, labelsFile) = Write(compressed, DataFileWriter.IdxLabels([0]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Equal(imagesFile, error.File);
    }

    [Fact]
    public void Read_GzFileThatIsNotGzip_SaysSo()
    {
        var imagesFile = folder.File("train-images-idx3-ubyte.gz");
        File.WriteAllText(imagesFile, "<html>Not Found</html>");
        var labelsFile = folder.File("labels");
        File.WriteAllBytes(labelsFile, DataFileWriter.IdxLabels([0]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Equal($"{imagesFile}: expected gzip data (a .gz file starts with bytes 1F 8B), found a file starting with " +
            "bytes 3C 68 74 6D; if it is already unpacked, remove .gz from its name", error.Message);
    }

    [Fact]
    public void Read_EmptyGzFile_SaysItIsEmpty()
    {
        var labelsFile = folder.File("train-labels-idx1-ubyte.gz");
        File.WriteAllBytes(labelsFile, []);
        var imagesFile = folder.File("images");
        File.WriteAllBytes(imagesFile, DataFileWriter.IdxImages(1, 2, 2, _ => 0));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.StartsWith($"{labelsFile}: expected gzip data (a .gz file starts with bytes 1F 8B), found an empty file",
            error.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Read_TruncatedGzipFile_IsADataFileError(double kept)
    {
        var compressed = DataFileWriter.Gzip(DataFileWriter.IdxImages(200, 8, 8, i => (byte)(i * 7919 % 251)));
        var (imagesFile, labelsFile) = Write(compressed[..(int)(compressed.Length * kept)],
            DataFileWriter.IdxLabels(new int[200]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Equal(imagesFile, error.File);
        Assert.StartsWith($"{imagesFile}: expected ", error.Message);
    }

    [Fact]
    public void Read_HeaderDeclaringFarMoreImagesThanTheFileHolds_ReportsTruncation()
    {
        var (imagesFile, labelsFile) = Write([.. Header(0x803, 1_000_000, 28, 28), 1, 2, 3], DataFileWriter.IdxLabels([0]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Equal($"{imagesFile}: expected 1000000×28×28 = 784000000 pixel bytes after the header, found 3 (truncated)",
            error.Message);
    }

    [Fact]
    public void Read_HeaderWhoseSizeOverflows_IsReported()
    {
        var (imagesFile, labelsFile) = Write(Header(0x803, int.MaxValue, int.MaxValue, 4), DataFileWriter.IdxLabels([0]));

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.StartsWith($"{imagesFile}: expected at most {Array.MaxLength} pixels, found a header declaring ", error.Message);
    }

    [Fact]
    public void Read_LabelHeaderDeclaringMoreThanAnArrayHolds_IsReported()
    {
        var (imagesFile, labelsFile) = Write(DataFileWriter.IdxImages(1, 2, 2, _ => 0), [.. Header(0x801, int.MaxValue), 0]);

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(imagesFile, labelsFile, Classes));

        Assert.Equal($"{labelsFile}: expected at most {Array.MaxLength} labels, found a header declaring {int.MaxValue}",
            error.Message);
    }

    private static byte[] Header(int magic, params int[] dimensions)
    {
        var bytes = new byte[4 * (1 + dimensions.Length)];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var i = 0; i < dimensions.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * (i + 1)), dimensions[i]);
        return bytes;
    }

    private (string Images, string Labels) Write(byte[] images, byte[] labels)
    {
        var imagesFile = folder.File("images");
        var labelsFile = folder.File("labels");
        File.WriteAllBytes(imagesFile, images);
        File.WriteAllBytes(labelsFile, labels);
        return (imagesFile, labelsFile);
    }
}
