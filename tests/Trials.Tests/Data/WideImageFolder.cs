using SkiaSharp;

namespace Sweep.Trials.Tests.Data;

/// <summary>An image folder of 2:1 images (train/ and validation/, classes a and b) whose outer sixths either side
/// are pure red, a colour the rest of them lacks: read at <see cref="ImageSize"/>, the centre square keeps none of the
/// red (nor the blend at its edge), so red in an image proves it was cut from beyond the centre square.</summary>
public static class WideImageFolder
{
    public const int ImageSize = 16;
    private const int Width = 4 * ImageSize, Height = 2 * ImageSize;

    public static string Create(string root, int perClass)
    {
        var random = new Random(5);
        foreach (var split in new[] { "train", "validation" })
            foreach (var (name, colour) in new[] { ("a", SKColors.Blue), ("b", SKColors.Lime) })
                for (var i = 0; i < perClass; i++)
                {
                    var folder = Path.Combine(root, split, name);
                    Directory.CreateDirectory(folder);
                    using var bitmap = new SKBitmap(Width, Height);
                    for (var y = 0; y < Height; y++)
                        for (var x = 0; x < Width; x++)
                        {
                            var edge = x < Width / 6 || x >= Width - Width / 6;
                            var shade = (byte)random.Next(120, 256);
                            bitmap.SetPixel(x, y, edge ? SKColors.Red
                                : new SKColor(0, colour.Green == 0 ? (byte)0 : shade, colour.Blue == 0 ? (byte)0 : shade));
                        }
                    using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                    File.WriteAllBytes(Path.Combine(folder, $"{i:D3}.png"), data.ToArray());
                }
        return root;
    }

    /// <summary>Per image of a normalized batch, whether it holds a pure red pixel.</summary>
    public static bool[] HoldRed(TorchSharp.torch.Tensor normalized, IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        var pixels = normalized * TorchSharp.torch.tensor(std.ToArray()).view(1, -1, 1, 1)
            + TorchSharp.torch.tensor(mean.ToArray()).view(1, -1, 1, 1);
        var red = pixels[.., 0] > 0.9f & pixels[.., 1] < 0.1f & pixels[.., 2] < 0.1f;
        return red.flatten(1).any(1).data<bool>().ToArray();
    }
}
