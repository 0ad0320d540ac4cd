using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Data;

/// <summary>Images of different sizes in one tensor, so that a batch of them is one <c>index_select</c>: each at the
/// top left of a canvas as large as the tallest and the widest (N×C×H×W raw 0–255 bytes, a quarter of float32's
/// memory), with its own height and width (int64, N).</summary>
public sealed class ImageCanvas : IDisposable
{
    private ImageCanvas(Tensor pixels, Tensor heights, Tensor widths)
    {
        Pixels = pixels;
        Heights = heights;
        Widths = widths;
    }

    public Tensor Pixels { get; }
    public Tensor Heights { get; }
    public Tensor Widths { get; }

    /// <summary>The canvas of <paramref name="images"/>, its tensors detached from any dispose scope: the dataset
    /// that holds it is shared by every trial in the process.</summary>
    public static ImageCanvas Of(IReadOnlyList<WholeImage> images, int channels)
    {
        var (height, width) = (images.Max(image => image.Height), images.Max(image => image.Width));
        var imageBytes = channels * height * width;
        var pixels = new byte[(long)images.Count * imageBytes];
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            for (var channel = 0; channel < channels; channel++)
                for (var row = 0; row < image.Height; row++)
                    Array.Copy(image.Pixels, (channel * image.Height + row) * image.Width, pixels,
                        (long)i * imageBytes + (channel * height + row) * width, image.Width);
        }
        return new ImageCanvas(
            tensor(pixels, [images.Count, channels, height, width]).DetachFromDisposeScope(),
            tensor(images.Select(image => (long)image.Height).ToArray()).DetachFromDisposeScope(),
            tensor(images.Select(image => (long)image.Width).ToArray()).DetachFromDisposeScope());
    }

    /// <summary>The images at <paramref name="indices"/>, in new tensors of the current dispose scope.</summary>
    public ImageCanvas Select(Tensor indices) =>
        new(Pixels.index_select(0, indices), Heights.index_select(0, indices), Widths.index_select(0, indices));

    public void Dispose()
    {
        Pixels.Dispose();
        Heights.Dispose();
        Widths.Dispose();
    }
}
