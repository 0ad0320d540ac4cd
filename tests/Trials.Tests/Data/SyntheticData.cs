using Sweep.Trials.Data;

namespace Sweep.Trials.Tests.Data;

/// <summary>Small in-memory datasets with uneven classes and pixels that differ from image to image.</summary>
public static class SyntheticData
{
    /// <summary>Class c has (c + 1) × <paramref name="perClassUnit"/> images.</summary>
    public static ImageSet Images(int classes, int perClassUnit, int channels = 1, int side = 4, int pixelOffset = 0)
    {
        var labels = Enumerable.Range(0, classes)
            .SelectMany(c => Enumerable.Repeat(c, (c + 1) * perClassUnit)).ToArray();
        var imageBytes = channels * side * side;
        var pixels = new byte[labels.Length * imageBytes];
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)((i * 37 + i / imageBytes * 11 + pixelOffset) % 256);
        var names = Enumerable.Range(0, classes).Select(c => $"class{c}").ToArray();
        return new ImageSet(pixels, labels, channels, side, side, names);
    }

    public static RawDataset Raw(ImageSet train, ImageSet test) => new(train, test, "train-file", "test-file");
}
