using SkiaSharp;

namespace Sweep.Trials.Data;

/// <summary>Decodes one image file completely or not at all. <see cref="SKBitmap.Decode(string)"/> accepts a file
/// that ends early and leaves the rows it never reached zero, so a truncated image would train as a whole one
/// with a black bottom.</summary>
internal static class ImageDecoder
{
    public static SKBitmap Decode(string path)
    {
        using var codec = SKCodec.Create(path, out var opened);
        if (codec is null)
            throw new DataFileException(path, opened == SKCodecResult.IncompleteInput
                ? "expected a complete PNG or JPEG image, found one that ends inside its header (truncated)"
                : "expected a PNG or JPEG image, found data SkiaSharp cannot decode");
        // The same target SKBitmap.Decode picks, so that pixels come out exactly as they always have.
        var info = codec.Info;
        if (info.AlphaType == SKAlphaType.Unpremul)
            info.AlphaType = SKAlphaType.Premul;
        info.ColorSpace = null;
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            throw new DataFileException(path,
                $"expected an image small enough to decode, found one of {info.Width}×{info.Height} pixels");
        }
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success)
            return bitmap;
        bitmap.Dispose();
        throw new DataFileException(path, result switch
        {
            SKCodecResult.IncompleteInput => "expected a complete PNG or JPEG image, found one that ends early (truncated)",
            SKCodecResult.ErrorInInput => "expected a valid PNG or JPEG image, found corrupt image data",
            _ => $"expected a PNG or JPEG image SkiaSharp can decode, found one it cannot ({result})",
        });
    }
}
