using SkiaSharp;

namespace Sweep.EndToEnd.Tests;

/// <summary>A tiny image-folder dataset (one subfolder per class) whose classes differ in brightness, so a small
/// net learns it in an epoch; class names are the caller's, markup included.</summary>
public static class GeneratedImageFolder
{
    public static string Create(string root, IReadOnlyList<string> classNames, int perClass = 30, int size = 16,
        IReadOnlyList<string>? splits = null)
    {
        var random = new Random(3);
        foreach (var split in splits ?? ["train", "test"])
            for (var c = 0; c < classNames.Count; c++)
            {
                var folder = Path.Combine(root, split, classNames[c]);
                Directory.CreateDirectory(folder);
                for (var i = 0; i < perClass; i++)
                {
                    using var bitmap = new SKBitmap(size, size);
                    for (var y = 0; y < size; y++)
                        for (var x = 0; x < size; x++)
                        {
                            var level = (byte)Math.Clamp(40 + 160 * c / Math.Max(1, classNames.Count - 1) + random.Next(-30, 30), 0, 255);
                            bitmap.SetPixel(x, y, new SKColor(level, level, level));
                        }
                    using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                    File.WriteAllBytes(Path.Combine(folder, $"{i:D3}.png"), data.ToArray());
                }
            }
        return root;
    }
}
