using SkiaSharp;
using Sweep.Trials.Data;
using Sweep.Trials.Tests.Models.Torchvision;

namespace Sweep.Trials.Tests.Data;

/// <summary>Images that are not square are scaled keeping their aspect and cut to their centre square, as
/// torchvision's <c>Resize(n)</c> then <c>CenterCrop(n)</c> on PIL images do, not squashed to a square; kept whole
/// for random resized crops, they keep their aspect.</summary>
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

    /// <summary>Kept whole for random resized crops, an image keeps its aspect up to twice as long as it is wide (a
    /// 4:1 one keeps its centre half), and around the very centre square the reader cuts from it.</summary>
    [Fact]
    public void Read_KeepingWholeImages_KeepsTheAspectUpToTwoToOne_AroundTheCentreSquare()
    {
        (int Width, int Height)[] sizes = [(120, 30), (30, 60), (45, 30), (20, 20)];
        for (var i = 0; i < sizes.Length; i++)
            WriteNoise(Path.Combine(folder.Path, "train", "noise", $"{i}.png"), sizes[i].Width, sizes[i].Height, seed: i);

        var set = ImageFolderReader.Read(Path.Combine(folder.Path, "train"), ["noise"], Side, 3, keepWhole: true);

        var wholeImages = set.Whole!;
        Assert.Equal([(Side, 2 * Side), (2 * Side, Side), (Side, 30), (Side, Side)],
            wholeImages.Select(image => (image.Height, image.Width)));
        for (var i = 0; i < sizes.Length; i++)
        {
            var whole = wholeImages[i];
            var (top, left) = ((int)Math.Round((whole.Height - Side) / 2.0), (int)Math.Round((whole.Width - Side) / 2.0));
            var centre = Enumerable.Range(0, 3 * Side * Side).Select(pixel =>
            {
                var (channel, row, column) = (pixel / (Side * Side), pixel / Side % Side, pixel % Side);
                return whole.Pixels[(channel * whole.Height + top + row) * whole.Width + left + column];
            });
            Assert.Equal(set.Pixels.AsSpan(i * set.ImageBytes, set.ImageBytes).ToArray(), centre);
        }
    }

    [Fact]
    public void Canvas_HoldsEachWholeImageAtItsTopLeft_AndNothingElse()
    {
        WholeImage[] images =
            [new([.. Enumerable.Repeat((byte)7, 2 * 2 * 3)], 2, 3), new([.. Enumerable.Repeat((byte)9, 2 * 3 * 1)], 3, 1)];

        using var canvas = ImageCanvas.Of(images, 2);

        Assert.Equal([2, 2, 3, 3], canvas.Pixels.shape);
        Assert.Equal([2L, 3L], canvas.Heights.data<long>().ToArray());
        Assert.Equal([3L, 1L], canvas.Widths.data<long>().ToArray());
        Assert.Equal(7 * 2 * 2 * 3 + 9 * 2 * 3 * 1, canvas.Pixels.to_type(TorchSharp.torch.ScalarType.Int64).sum().item<long>());
        Assert.True(canvas.Pixels[0, .., ..2, ..3].eq(7).all().item<bool>());
        Assert.True(canvas.Pixels[1, .., .., ..1].eq(9).all().item<bool>());
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

    /// <summary>Every pixel a random colour, so that any misplaced cut shows.</summary>
    private static void WriteNoise(string path, int width, int height, int seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
