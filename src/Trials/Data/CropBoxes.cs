using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Data;

/// <summary>Boxes in pixels (whole numbers held as float64, one per image) as torchvision's
/// <c>RandomResizedCrop.get_params</c> draws them: an area share uniform in [minimum scale, 1] of the image and an
/// aspect ratio (width / height) log-uniform in [3/4, 4/3], rounded to whole pixels, tried up to ten times until the
/// box fits the image, then placed uniformly within it; when no try fits, the centre of the image with its aspect
/// clamped to that range. The ten tries of every image are drawn at once and the first that fits is taken, which
/// has the distribution of torchvision's loop.</summary>
internal sealed record CropBoxes(Tensor Top, Tensor Left, Tensor Height, Tensor Width)
{
    private const int Tries = 10;
    private const double MinimumRatio = 3.0 / 4.0;
    private const double MaximumRatio = 4.0 / 3.0;

    /// <param name="heights">Each image's height in pixels (int64).</param>
    /// <param name="widths">Each image's width in pixels (int64).</param>
    public static CropBoxes Draw(Tensor heights, Tensor widths, double minimumScale, Generator generator)
    {
        var count = heights.shape[0];
        Tensor Uniform(params long[] shape) => rand(shape, ScalarType.Float64, heights.device, generator: generator);
        var imageHeight = heights.to_type(ScalarType.Float64);
        var imageWidth = widths.to_type(ScalarType.Float64);
        var area = (imageHeight * imageWidth).unsqueeze(1);
        var targetArea = area * (minimumScale + Uniform(count, Tries) * (1 - minimumScale));
        var logRatio = Math.Log(MinimumRatio) + Uniform(count, Tries) * (Math.Log(MaximumRatio) - Math.Log(MinimumRatio));
        var ratio = logRatio.exp();
        var width = (targetArea * ratio).sqrt().round();
        var height = (targetArea / ratio).sqrt().round();
        var fits = width.gt(0) & width.le(imageWidth.unsqueeze(1)) & height.gt(0) & height.le(imageHeight.unsqueeze(1));
        // argmax gives the first of equal maxima: the first try that fits.
        var first = fits.to_type(ScalarType.Int64).argmax(1, keepdim: true);
        var found = fits.any(1);
        var (fallbackHeight, fallbackWidth) = Fallback(imageHeight, imageWidth);
        var boxHeight = where(found, height.gather(1, first).squeeze(1), fallbackHeight);
        var boxWidth = where(found, width.gather(1, first).squeeze(1), fallbackWidth);
        var top = where(found, (Uniform(count) * (imageHeight - boxHeight + 1)).floor(), ((imageHeight - boxHeight) / 2).floor());
        var left = where(found, (Uniform(count) * (imageWidth - boxWidth + 1)).floor(), ((imageWidth - boxWidth) / 2).floor());
        return new CropBoxes(top, left, boxHeight, boxWidth);
    }

    /// <summary>torchvision's box when no try fits: the whole image, narrowed to the nearest aspect in range.</summary>
    private static (Tensor Height, Tensor Width) Fallback(Tensor height, Tensor width)
    {
        var aspect = width / height;
        return (where(aspect < MinimumRatio, (width / MinimumRatio).round(), height),
            where(aspect > MaximumRatio, (height * MaximumRatio).round(), width));
    }
}
