using SkiaSharp;
using Sweep.Trials.Data;
using Sweep.Trials.Tests.Models.Torchvision;

namespace Sweep.Trials.Tests.Data;

/// <summary>Images that are not square are scaled keeping their aspect and cut to their centre square, as
/// torchvision's <c>Resize(n)</c> then <c>CenterCrop(n)</c> on PIL images do, not squashed to a square.</summary>
public sealed class ImageFolderAspectTests : IDisposable
{
    private const int Side = 20;
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Sweep resizes with SkiaSharp's linear filter between linear mipmap levels, PIL with its antialiased
    /// bilinear filter: they agree to 2 of 255 everywhere but in the two columns (or rows) of pixels either side of
    /// the edge, and there to 40 (32 measured). A squashed image puts the edge three pixels away from torchvision's, a whole
    /// black-to-white step of 255.</summary>
    [Theory]
    [InlineData(80, 40)]
    [InlineData(40, 80)]
    [InlineData(60, 20)]
    public void Read_NonSquareImage_MatchesTorchvisionsResizeAndCenterCrop(int width, int height)
    {
        var image = Path.Combine(folder.Path, "train", "edge", "1.png");
        WriteEdge(image, width, height);
        DebianPython.Run("decode_resize_crop_reference.py", image, $"{Side}", folder.File("expected.bin"));
        var torchvision = File.ReadAllBytes(folder.File("expected.bin"));

        var sweep = ImageFolderReader.Read(Path.Combine(folder.Path, "train"), ["edge"], Side, 3).Pixels;

        Assert.Equal(torchvision.Length, sweep.Length);
        var differences = sweep.Zip(torchvision, (a, b) => Math.Abs(a - b)).ToArray();
        Assert.InRange(differences.Max(), 0, 40);
        Assert.InRange(differences.Count(difference => difference > 2), 0, 2 * 3 * Side);
    }

    /// <summary>Black up to three eighths of the longer side, white after it.</summary>
    private static void WriteEdge(string path, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(width, height);
        var edge = 3 * Math.Max(width, height) / 8;
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, (width >= height ? x : y) < edge ? SKColors.Black : SKColors.White);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
