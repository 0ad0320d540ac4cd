using SkiaSharp;
using Sweep.Trials.Data;

namespace Sweep.Trials.Tests.Data;

public sealed class ImageFolderReaderTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_SortsClassesByName_AndResizesToRgbSquares()
    {
        DataFileWriter.Png(Path.Combine(folder.Path, "train", "red", "1.png"), 20, 10, new SKColor(255, 0, 0));
        DataFileWriter.Png(Path.Combine(folder.Path, "train", "blue", "1.png"), 5, 5, new SKColor(0, 0, 255));
        DataFileWriter.Png(Path.Combine(folder.Path, "train", "blue", "2.PNG"), 9, 9, new SKColor(0, 0, 255));
        File.WriteAllText(Path.Combine(folder.Path, "train", "blue", "notes.txt"), "not an image");
        var train = Path.Combine(folder.Path, "train");

        var set = ImageFolderReader.Read(train, ImageFolderReader.ClassNamesOf(train), 8, 3);

        Assert.Equal(["blue", "red"], set.ClassNames);
        Assert.Equal([0, 0, 1], set.Labels);
        Assert.Equal((3, 8, 8), (set.Channels, set.Height, set.Width));
        var red = set.Pixels.AsSpan(2 * set.ImageBytes, set.ImageBytes);
        Assert.All(red[..64].ToArray(), value => Assert.Equal(255, value));
        Assert.All(red[64..].ToArray(), value => Assert.Equal(0, value));
    }

    [Fact]
    public void Read_Grayscale_UsesLuminance()
    {
        DataFileWriter.Png(Path.Combine(folder.Path, "train", "green", "1.png"), 4, 4, new SKColor(0, 255, 0));
        var train = Path.Combine(folder.Path, "train");

        var set = ImageFolderReader.Read(train, ImageFolderReader.ClassNamesOf(train), 8, 1);

        Assert.Equal(64, set.ImageBytes);
        Assert.All(set.Pixels, value => Assert.Equal(150, value));
    }

    [Fact]
    public void Read_UndecodableImage_NamesTheFile()
    {
        var bad = Path.Combine(folder.Path, "train", "cat", "broken.png");
        Directory.CreateDirectory(Path.GetDirectoryName(bad)!);
        File.WriteAllBytes(bad, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var train = Path.Combine(folder.Path, "train");

        var error = Assert.Throws<DataFileException>(() => ImageFolderReader.Read(train, ["cat"], 8, 3));

        Assert.Equal($"{bad}: expected a PNG or JPEG image, found data SkiaSharp cannot decode", error.Message);
    }

    [Fact]
    public void Read_TestClassUnknownToTraining_IsReported()
    {
        DataFileWriter.Png(Path.Combine(folder.Path, "test", "dog", "1.png"), 4, 4, SKColors.White);

        var error = Assert.Throws<DataFileException>(() =>
            ImageFolderReader.Read(Path.Combine(folder.Path, "test"), ["cat"], 8, 3));

        Assert.Contains("found an extra class", error.Message);
    }

    [Fact]
    public void ClassNamesOf_MissingFolder_IsReported()
    {
        var missing = Path.Combine(folder.Path, "train");

        var error = Assert.Throws<DataFileException>(() => ImageFolderReader.ClassNamesOf(missing));

        Assert.Equal(missing, error.File);
    }
}
