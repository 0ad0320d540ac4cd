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

        var set = ImageFolderReader.Read(train, ["green"], 8, 1);

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

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, 0.3)]
    [InlineData(SKEncodedImageFormat.Png, 0.8)]
    [InlineData(SKEncodedImageFormat.Jpeg, 0.5)]
    public void Read_TruncatedImage_NamesTheFile(SKEncodedImageFormat format, double kept)
    {
        var whole = DataFileWriter.NoisyImage(format);
        var bad = WriteImage("cat", format == SKEncodedImageFormat.Png ? "cut.png" : "cut.jpg",
            whole[..(int)(whole.Length * kept)]);

        var error = Assert.Throws<DataFileException>(() => ImageFolderReader.Read(Train, ["cat"], 8, 3));

        Assert.Equal($"{bad}: expected a complete PNG or JPEG image, found one that ends early (truncated)", error.Message);
    }

    [Fact]
    public void Read_PngWithCorruptPixelData_NamesTheFile()
    {
        var bytes = DataFileWriter.NoisyImage(SKEncodedImageFormat.Png);
        var pixelData = bytes.AsSpan().IndexOf("IDAT"u8) + 4;
        for (var i = pixelData + 10; i < pixelData + 200; i++)
            bytes[i] ^= 0x5A;
        var bad = WriteImage("cat", "corrupt.png", bytes);

        var error = Assert.Throws<DataFileException>(() => ImageFolderReader.Read(Train, ["cat"], 8, 3));

        Assert.Equal(bad, error.File);
        Assert.StartsWith($"{bad}: expected a ", error.Message);
    }

    [Fact]
    public void Read_WholeImagesAfterTheChecks_StillDecode()
    {
        WriteImage("cat", "whole.png", DataFileWriter.NoisyImage(SKEncodedImageFormat.Png));
        WriteImage("cat", "whole.jpg", DataFileWriter.NoisyImage(SKEncodedImageFormat.Jpeg));

        var set = ImageFolderReader.Read(Train, ["cat"], 8, 3);

        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void Read_EmptyClassFolder_NamesTheFolder()
    {
        DataFileWriter.Png(Path.Combine(Train, "cat", "1.png"), 4, 4, SKColors.White);
        var dog = Path.Combine(Train, "dog");
        Directory.CreateDirectory(dog);

        var error = Assert.Throws<DataFileException>(() =>
            ImageFolderReader.Read(Train, ImageFolderReader.ClassNamesOf(Train), 8, 3));

        Assert.Equal($"{dog}: expected at least one image (.png, .jpg, .jpeg) in each class folder, found an empty folder",
            error.Message);
    }

    [Fact]
    public void Read_ClassFolderWithoutImages_SaysWhatItHolds()
    {
        DataFileWriter.Png(Path.Combine(Train, "cat", "1.png"), 4, 4, SKColors.White);
        var dog = Path.Combine(Train, "dog");
        Directory.CreateDirectory(Path.Combine(dog, "nested"));
        File.WriteAllText(Path.Combine(dog, "photo.bmp"), "not read");

        var error = Assert.Throws<DataFileException>(() => ImageFolderReader.Read(Train, ["cat", "dog"], 8, 3));

        Assert.Equal($"{dog}: expected at least one image (.png, .jpg, .jpeg) in each class folder, found none among its 2 entries",
            error.Message);
    }

    [Fact]
    public void Read_EmptyTestClassFolder_IsRefused_AMissingOneIsNot()
    {
        var test = Path.Combine(folder.Path, "test");
        DataFileWriter.Png(Path.Combine(test, "cat", "1.png"), 4, 4, SKColors.White);

        Assert.Equal([0], ImageFolderReader.Read(test, ["cat", "dog"], 8, 3).Labels);

        Directory.CreateDirectory(Path.Combine(test, "dog"));
        var error = Assert.Throws<DataFileException>(() => ImageFolderReader.Read(test, ["cat", "dog"], 8, 3));
        Assert.Equal(Path.Combine(test, "dog"), error.File);
    }

    [Fact]
    public void ClassNamesOf_SingleClass_IsRefused()
    {
        DataFileWriter.Png(Path.Combine(Train, "cat", "1.png"), 4, 4, SKColors.White);

        var error = Assert.Throws<DataFileException>(() => ImageFolderReader.ClassNamesOf(Train));

        Assert.Equal($"{Train}: expected at least two class subfolders, found only cat", error.Message);
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

    private string Train => Path.Combine(folder.Path, "train");

    private string WriteImage(string className, string name, byte[] bytes)
    {
        var path = Path.Combine(Train, className, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
