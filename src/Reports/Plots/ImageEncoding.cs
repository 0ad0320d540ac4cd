using SkiaSharp;
using Sweep.Reports.Model;

namespace Sweep.Reports.Plots;

/// <summary>Encodes test images as PNG data URIs, upscaled with nearest-neighbour so pixels stay crisp.</summary>
public static class ImageEncoding
{
    public static string ToPngDataUri(ImageInfo image, int scale)
    {
        if (image.Channels is not (1 or 3) || image.Pixels.Length != image.Channels * image.Height * image.Width)
            throw new ArgumentException(
                $"Image {image.Index}: expected {image.Channels}×{image.Height}×{image.Width} bytes with 1 or 3 channels, got {image.Pixels.Length} bytes.",
                nameof(image));

        using var small = new SKBitmap(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var plane = image.Height * image.Width;
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
            {
                var offset = y * image.Width + x;
                var red = image.Pixels[offset];
                var color = image.Channels == 1
                    ? new SKColor(red, red, red)
                    : new SKColor(red, image.Pixels[plane + offset], image.Pixels[2 * plane + offset]);
                small.SetPixel(x, y, color);
            }
        using var large = small.Resize(new SKSizeI(image.Width * scale, image.Height * scale), new SKSamplingOptions(SKFilterMode.Nearest));
        using var png = large.Encode(SKEncodedImageFormat.Png, 100);
        return "data:image/png;base64," + Convert.ToBase64String(png.ToArray());
    }
}
