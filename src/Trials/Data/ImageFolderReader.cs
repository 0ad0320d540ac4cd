using SkiaSharp;

namespace Sweep.Trials.Data;

/// <summary>Reads a split folder with one subfolder per class (<c>&lt;split&gt;/&lt;class&gt;/*.png|jpg</c>),
/// decoding with SkiaSharp and bringing every image to one square size so that one batch tensor can hold them all:
/// the shorter side scaled to that size keeping the aspect, then the centre square cut, as torchvision's
/// <c>Resize(size)</c> then <c>CenterCrop(size)</c> do; squashing the whole image into the square would distort
/// every image that is not square.</summary>
public static class ImageFolderReader
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>Class names are the subfolder names in ordinal order, which fixes each class's index.</summary>
    public static IReadOnlyList<string> ClassNamesOf(string splitFolder)
    {
        var names = SubfoldersOf(splitFolder);
        // One class makes every prediction right: training "succeeds" and reports 100 % test accuracy.
        if (names.Count == 1)
            throw new DataFileException(splitFolder, $"expected at least two class subfolders, found only {names[0]}");
        return names;
    }

    /// <param name="classNames">The training split's classes, so that test labels share its indices.</param>
    /// <param name="keepWhole">Also keep each image whole (<see cref="ImageSet.Whole"/>), for random resized crops.</param>
    public static ImageSet Read(string splitFolder, IReadOnlyList<string> classNames, int size, int channels,
        bool keepWhole = false)
    {
        if (channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "expected 1 or 3 channels");
        var files = ListImages(splitFolder, classNames);
        var imageBytes = channels * size * size;
        var pixels = new byte[(long)files.Count * imageBytes];
        var labels = new int[files.Count];
        var whole = keepWhole ? new WholeImage[files.Count] : null;
        for (var i = 0; i < files.Count; i++)
        {
            using var scaled = Scaled(files[i].Path, size);
            // torchvision rounds the offsets half to even, as Python's round does and Math.Round does by default.
            var top = (int)Math.Round((scaled.Height - size) / 2.0);
            var left = (int)Math.Round((scaled.Width - size) / 2.0);
            CopyChannels(scaled, top, left, size, size, channels, pixels.AsSpan(i * imageBytes, imageBytes));
            if (whole is not null)
                whole[i] = WholeOf(scaled, size, channels);
            labels[i] = files[i].Label;
        }
        return new ImageSet(pixels, labels, channels, size, size, classNames, whole);
    }

    private static List<string> SubfoldersOf(string splitFolder)
    {
        if (!Directory.Exists(splitFolder))
            throw new DataFileException(splitFolder, "expected a folder with one subfolder per class, found none");
        var names = Directory.GetDirectories(splitFolder).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            throw new DataFileException(splitFolder, "expected one subfolder per class, found no subfolders");
        return names;
    }

    /// <remarks>A test split may lack a class folder, but a class folder that is there must hold images.</remarks>
    private static List<(string Path, int Label)> ListImages(string splitFolder, IReadOnlyList<string> classNames)
    {
        var found = SubfoldersOf(splitFolder);
        var unknown = found.FirstOrDefault(name => !classNames.Contains(name));
        if (unknown is not null)
            throw new DataFileException(Path.Combine(splitFolder, unknown),
                $"expected a class folder of the training split ({string.Join(", ", classNames)}), found an extra class");
        var files = new List<(string, int)>();
        for (var label = 0; label < classNames.Count; label++)
        {
            var classFolder = Path.Combine(splitFolder, classNames[label]);
            if (!Directory.Exists(classFolder))
                continue;
            var entries = Directory.GetFileSystemEntries(classFolder);
            var images = entries.Where(IsImage).Order(StringComparer.Ordinal).ToList();
            // An empty class would still get an output unit, one that training never sees a reason to predict.
            if (images.Count == 0)
                throw new DataFileException(classFolder,
                    $"expected at least one image ({string.Join(", ", ImageExtensions)}) in each class folder, found " +
                    (entries.Length == 0 ? "an empty folder" : $"none among its {entries.Length} entries"));
            files.AddRange(images.Select(file => (file, label)));
        }
        return files;
    }

    private static bool IsImage(string path) =>
        File.Exists(path) && ImageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>The decoded image with its shorter side scaled to <paramref name="size"/>, keeping the aspect.</summary>
    private static SKBitmap Scaled(string path, int size)
    {
        using var decoded = ImageDecoder.Decode(path);
        var (scaledHeight, scaledWidth) = InputResizer.ShorterSideTo(size, decoded.Height, decoded.Width);
        var info = new SKImageInfo(scaledWidth, scaledHeight, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return decoded.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new DataFileException(path, $"expected an image SkiaSharp can resize to {scaledWidth}×{scaledHeight}, found one it cannot");
    }

    /// <summary>The scaled image, its longer side cut to its centre <see cref="WholeImage.MaximumAspect"/> times the
    /// shorter when it is longer.</summary>
    private static WholeImage WholeOf(SKBitmap scaled, int size, int channels)
    {
        var height = Math.Min(scaled.Height, WholeImage.MaximumAspect * size);
        var width = Math.Min(scaled.Width, WholeImage.MaximumAspect * size);
        var pixels = new byte[channels * height * width];
        CopyChannels(scaled, (int)Math.Round((scaled.Height - height) / 2.0), (int)Math.Round((scaled.Width - width) / 2.0),
            height, width, channels, pixels);
        return new WholeImage(pixels, height, width);
    }

    /// <summary>The height×width region at (top, left) of an RGBA image as channel-major planes, colour reduced to
    /// its luminance for one channel.</summary>
    private static void CopyChannels(SKBitmap rgbaImage, int top, int left, int height, int width, int channels,
        Span<byte> target)
    {
        var rgba = rgbaImage.GetPixelSpan();
        var plane = height * width;
        for (var row = 0; row < height; row++)
            for (var column = 0; column < width; column++)
            {
                var source = 4 * ((top + row) * rgbaImage.Width + left + column);
                var (r, g, b) = (rgba[source], rgba[source + 1], rgba[source + 2]);
                var pixel = row * width + column;
                if (channels == 1)
                    target[pixel] = (byte)Math.Round(0.299 * r + 0.587 * g + 0.114 * b);
                else
                {
                    target[pixel] = r;
                    target[plane + pixel] = g;
                    target[2 * plane + pixel] = b;
                }
            }
    }
}
