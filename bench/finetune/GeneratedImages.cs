using SkiaSharp;

namespace Sweep.FinetuneBench;

/// <summary>The benchmark's data, written once and read by both sides: an image folder of 64 × 64 RGB PNGs in two
/// classes (<c>train/</c>, <c>test/</c>) that differ in the colour of a seeded noise pattern. PNG is lossless, so
/// SkiaSharp and PIL decode the same pixels.</summary>
internal static class GeneratedImages
{
    public const int Size = 64;

    public static void Write(string root, int trainPerClass, int testPerClass)
    {
        var random = new Random(11);
        foreach (var (split, count) in new[] { ("train", trainPerClass), ("test", testPerClass) })
            foreach (var (name, tint) in new[] { ("cats", (r: 1.0, g: 0.7, b: 0.5)), ("dogs", (r: 0.5, g: 0.7, b: 1.0)) })
            {
                var folder = Path.Combine(root, split, name);
                Directory.CreateDirectory(folder);
                for (var i = 0; i < count; i++)
                {
                    using var bitmap = new SKBitmap(Size, Size);
                    for (var y = 0; y < Size; y++)
                        for (var x = 0; x < Size; x++)
                        {
                            var level = random.Next(40, 256);
                            bitmap.SetPixel(x, y, new SKColor((byte)(level * tint.r), (byte)(level * tint.g), (byte)(level * tint.b)));
                        }
                    using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                    File.WriteAllBytes(Path.Combine(folder, $"{i:D4}.png"), png.ToArray());
                }
            }
    }
}
