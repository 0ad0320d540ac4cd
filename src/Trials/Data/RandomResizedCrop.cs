using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Sweep.Trials.Data;

/// <summary>torchvision's RandomResizedCrop on a batch: per image, a box of a random share of the area (from
/// <c>minimumScale</c> to 1) and aspect ratio (3/4 to 4/3, drawn on a log scale) at a random place, scaled back to
/// the image's size by bilinear sampling. One draw per image, the box clamped to the image, where torchvision draws
/// up to ten times: a whole batch is cut in one sampling pass.</summary>
internal static class RandomResizedCrop
{
    private static readonly double LogRatioLow = Math.Log(3.0 / 4.0);
    private static readonly double LogRatioHigh = Math.Log(4.0 / 3.0);

    public static Tensor Apply(Tensor pixels, double minimumScale, Generator generator)
    {
        var count = pixels.shape[0];
        Tensor Uniform() => rand([count], pixels.dtype, pixels.device, generator: generator);
        var scale = minimumScale + Uniform() * (1 - minimumScale);
        var ratio = (LogRatioLow + Uniform() * (LogRatioHigh - LogRatioLow)).exp();
        // Shares of the image's width and height; affine_grid spans an image from -1 to 1, so a box of share w
        // can be centred anywhere within ±(1 − w).
        var width = (scale * ratio).sqrt().clamp_max(1);
        var height = (scale / ratio).sqrt().clamp_max(1);
        var centreX = (Uniform() * 2 - 1) * (1 - width);
        var centreY = (Uniform() * 2 - 1) * (1 - height);
        var zero = zeros_like(width);
        var theta = stack([width, zero, centreX, zero, height, centreY], 1).view(-1, 2, 3);
        var grid = affine_grid(theta, pixels.shape, align_corners: false);
        return grid_sample(pixels, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
    }
}
