using Sweep.Trials.Data;
using Sweep.Trials.Tests.Models.Torchvision;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Data;

/// <summary>The random resized crop's boxes, against torchvision's <c>RandomResizedCrop.get_params</c> drawn as many
/// times: the generators differ, so the two are compared as distributions.</summary>
public sealed class CropBoxesTests : IDisposable
{
    private const int Draws = 20000;
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Wide, tall and square images. One try instead of ten, or a box clamped to the image instead of drawn
    /// again, moves the fallback rate or the area shares by far more than the tolerances.</summary>
    [Theory]
    [InlineData(40, 80, 0.3)]
    [InlineData(80, 40, 0.08)]
    [InlineData(30, 30, 0.5)]
    public void Draw_FollowsTorchvisionsDistribution(int height, int width, double scale)
    {
        DebianPython.Run("resized_crop_boxes_reference.py", $"{height}", $"{width}", $"{scale}", $"{Draws}", "5",
            folder.File("boxes.bin"));
        var torchvision = Summary.Of(TorchvisionBoxes(folder.File("boxes.bin")), height, width);

        var sweep = Summary.Of(SweepBoxes(height, width, scale, new Generator(5)), height, width);

        Assert.InRange(sweep.CentredWholeSideShare, torchvision.CentredWholeSideShare - 0.01,
            torchvision.CentredWholeSideShare + 0.01);
        for (var decile = 0; decile < 9; decile++)
        {
            Assert.InRange(sweep.AreaShareDeciles[decile], torchvision.AreaShareDeciles[decile] - 0.01,
                torchvision.AreaShareDeciles[decile] + 0.01);
            Assert.InRange(sweep.LogAspectDeciles[decile], torchvision.LogAspectDeciles[decile] - 0.02,
                torchvision.LogAspectDeciles[decile] + 0.02);
        }
        Assert.InRange(sweep.MeanCentreX, torchvision.MeanCentreX - 0.01, torchvision.MeanCentreX + 0.01);
        Assert.InRange(sweep.MeanCentreY, torchvision.MeanCentreY - 0.01, torchvision.MeanCentreY + 0.01);
    }

    /// <summary>Every box lies in its image; a drawn box covers at least the smallest share and has an aspect in
    /// [3/4, 4/3], up to its rounding to whole pixels; and across many draws boxes reach every edge of the image.</summary>
    [Theory]
    [InlineData(40, 80, 0.3)]
    [InlineData(80, 40, 0.08)]
    public void Draw_BoxesLieInTheImage_WithTheAreaShareAndAspectAsked(int height, int width, double scale)
    {
        var boxes = SweepBoxes(height, width, scale, new Generator(9));

        Assert.All(boxes, box =>
        {
            Assert.True(box.Height >= 1 && box.Width >= 1 && box.Top >= 0 && box.Left >= 0, $"{box}");
            Assert.True(box.Top + box.Height <= height && box.Left + box.Width <= width, $"{box}");
            Assert.True((box.Height + 0.5) * (box.Width + 0.5) >= scale * height * width, $"{box}");
            Assert.True((box.Width - 0.5) / (box.Height + 0.5) <= 4.0 / 3 && (box.Width + 0.5) / (box.Height - 0.5) >= 3.0 / 4,
                $"{box}");
        });
        Assert.Contains(boxes, box => box.Left == 0);
        Assert.Contains(boxes, box => box.Left + box.Width == width);
        Assert.Contains(boxes, box => box.Top == 0);
        Assert.Contains(boxes, box => box.Top + box.Height == height);
    }

    /// <summary>No box of at least 90 % of a 4:1 image's area has an aspect within [3/4, 4/3]: every draw falls back
    /// to torchvision's centre box, the whole shorter side and the longer cut to the nearest aspect in range.</summary>
    [Theory]
    [InlineData(20, 80, 0, 26, 20, 27)]
    [InlineData(80, 20, 26, 0, 27, 20)]
    public void Draw_NoTryFits_FallsBackToTheCentreWithTheAspectClamped(int height, int width, int top, int left,
        int boxHeight, int boxWidth)
    {
        var boxes = SweepBoxes(height, width, 0.9, new Generator(3));

        Assert.All(boxes, box => Assert.Equal((top, left, boxHeight, boxWidth), (box.Top, box.Left, box.Height, box.Width)));
    }

    [Fact]
    public void Draw_SameGeneratorSeed_GivesTheSameBoxes()
    {
        var first = SweepBoxes(40, 80, 0.3, new Generator(11));
        var again = SweepBoxes(40, 80, 0.3, new Generator(11));
        var other = SweepBoxes(40, 80, 0.3, new Generator(12));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    private static List<Box> SweepBoxes(int height, int width, double scale, Generator generator)
    {
        using var scope = NewDisposeScope();
        var boxes = CropBoxes.Draw(full([Draws], height, ScalarType.Int64), full([Draws], width, ScalarType.Int64),
            scale, generator);
        var columns = stack([boxes.Top, boxes.Left, boxes.Height, boxes.Width], 1).to_type(ScalarType.Int64);
        return Boxes(columns.data<long>().ToArray());
    }

    private static List<Box> TorchvisionBoxes(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var values = new long[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return Boxes(values);
    }

    private static List<Box> Boxes(long[] values) => Enumerable.Range(0, values.Length / 4)
        .Select(i => new Box((int)values[4 * i], (int)values[4 * i + 1], (int)values[4 * i + 2], (int)values[4 * i + 3]))
        .ToList();

    private sealed record Box(int Top, int Left, int Height, int Width);

    /// <summary>What the two distributions are compared on; the centre is a share of the image's width or height.</summary>
    private sealed record Summary(double CentredWholeSideShare, double[] AreaShareDeciles, double[] LogAspectDeciles,
        double MeanCentreX, double MeanCentreY)
    {
        public static Summary Of(List<Box> boxes, int height, int width)
        {
            var centredWholeSide = boxes.Count(box => SpansTheShorterSideCentred(box, height, width));
            return new Summary((double)centredWholeSide / boxes.Count,
                Deciles(boxes.Select(box => (double)box.Height * box.Width / (height * width))),
                Deciles(boxes.Select(box => Math.Log((double)box.Width / box.Height))),
                boxes.Average(box => (box.Left + box.Width / 2.0) / width),
                boxes.Average(box => (box.Top + box.Height / 2.0) / height));
        }

        /// <summary>What torchvision falls back to (a drawn box can be that too): the whole shorter side, centred.</summary>
        private static bool SpansTheShorterSideCentred(Box box, int height, int width) => height <= width
            ? box.Height == height && box.Left == (width - box.Width) / 2
            : box.Width == width && box.Top == (height - box.Height) / 2;

        private static double[] Deciles(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return [.. Enumerable.Range(1, 9).Select(decile => sorted[decile * sorted.Length / 10])];
        }
    }
}
