using Sweep.Trials.Data;
using Sweep.Trials.Tests.Models.Torchvision;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Data;

/// <summary>Cutting the boxes out of a batch whose images differ in size, against torchvision's <c>resized_crop</c>
/// (bilinear, no antialiasing) of each image alone.</summary>
public sealed class RandomResizedCropTests : IDisposable
{
    private const int Channels = 2, CanvasHeight = 9, CanvasWidth = 12;
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Three images at the top left of one canvas, the rest of it a value no image has: a box shrunk, one
    /// stretched one way and shrunk the other, and one stretched in the far corner of an image smaller than the
    /// canvas, where sampling past the box's edge would blend in the canvas around it.</summary>
    [Theory]
    [InlineData(5, 6)]
    [InlineData(8, 7)]
    [InlineData(10, 10)]
    public void Sample_MatchesTorchvisionsResizedCropOfEachImage(int outputHeight, int outputWidth)
    {
        long[] boxes = [0, 0, 9, 12, 2, 3, 4, 9, 5, 4, 4, 3];
        using var generator = new Generator(21);
        using var images = rand([3, Channels, CanvasHeight, CanvasWidth], generator: generator);
        images[1, .., 6..].fill_(50);
        images[2, .., .., 7..].fill_(50);
        WriteFloats(folder.File("pixels.bin"), images.data<float>().ToArray());
        File.WriteAllBytes(folder.File("boxes.bin"), boxes.SelectMany(BitConverter.GetBytes).ToArray());

        DebianPython.Run("resized_crop_reference.py", folder.File("pixels.bin"), "3", $"{Channels}", $"{CanvasHeight}",
            $"{CanvasWidth}", folder.File("boxes.bin"), $"{outputHeight}", $"{outputWidth}", folder.File("expected.bin"));
        var torchvision = ReadFloats(folder.File("expected.bin"));

        using var box = tensor(boxes, [3, 4]).to_type(ScalarType.Float64);
        var cropBoxes = new CropBoxes(box[.., 0], box[.., 1], box[.., 2], box[.., 3]);
        using var sampled = RandomResizedCrop.Sample(images, cropBoxes, outputHeight, outputWidth);
        var sweep = sampled.data<float>().ToArray();

        Assert.Equal([3, Channels, outputHeight, outputWidth], sampled.shape);
        Assert.Equal(torchvision.Length, sweep.Length);
        Assert.InRange(sweep.Zip(torchvision, (a, b) => Math.Abs(a - b)).Max(), 0, 1e-5);
    }

    private static void WriteFloats(string path, float[] values)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
    }

    private static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }
}
