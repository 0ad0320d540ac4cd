using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Data;

/// <summary>torchvision's saturation and hue adjustments on RGB batches in [0, 1], one factor per image: saturation
/// blends each image with its grayscale version, hue turns every pixel's hue around the colour wheel in HSV space
/// (the RGB↔HSV conversions follow torchvision's tensor implementation).</summary>
internal static class ColourJitter
{
    public static Tensor Saturate(Tensor pixels, Tensor factor)
    {
        var (r, g, b) = (pixels[.., 0], pixels[.., 1], pixels[.., 2]);
        var gray = (0.2989 * r + 0.587 * g + 0.114 * b).unsqueeze(1);
        return (gray + factor.view(-1, 1, 1, 1) * (pixels - gray)).clamp(0, 1);
    }

    /// <param name="shift">Per image, in turns of the wheel (torchvision's hue_factor, within ±0.5).</param>
    public static Tensor ShiftHue(Tensor pixels, Tensor shift)
    {
        var (hue, saturation, value) = ToHsv(pixels);
        hue = (hue + shift.view(-1, 1, 1)).remainder(1.0);
        return ToRgb(hue, saturation, value);
    }

    private static (Tensor Hue, Tensor Saturation, Tensor Value) ToHsv(Tensor pixels)
    {
        var (r, g, b) = (pixels[.., 0], pixels[.., 1], pixels[.., 2]);
        var max = pixels.amax([1]);
        var min = pixels.amin([1]);
        var grey = max.eq(min);
        var range = max - min;
        var ones = ones_like(max);
        var saturation = range / where(grey, ones, max);
        var divisor = where(grey, ones, range);
        var (rc, gc, bc) = ((max - r) / divisor, (max - g) / divisor, (max - b) / divisor);
        var hueR = max.eq(r).to_type(pixels.dtype) * (bc - gc);
        var hueG = (max.eq(g) & max.ne(r)).to_type(pixels.dtype) * (2.0 + rc - bc);
        var hueB = (max.ne(g) & max.ne(r)).to_type(pixels.dtype) * (4.0 + gc - rc);
        var hue = ((hueR + hueG + hueB) / 6.0 + 1.0).fmod(1.0);
        return (hue, saturation, max);
    }

    private static Tensor ToRgb(Tensor hue, Tensor saturation, Tensor value)
    {
        var sector = (hue * 6.0).floor();
        var fraction = hue * 6.0 - sector;
        var index = sector.to_type(ScalarType.Int64).remainder(6);
        var p = (value * (1.0 - saturation)).clamp(0, 1);
        var q = (value * (1.0 - saturation * fraction)).clamp(0, 1);
        var t = (value * (1.0 - saturation * (1.0 - fraction))).clamp(0, 1);
        var mask = index.unsqueeze(1).eq(arange(6, device: hue.device).view(1, -1, 1, 1)).to_type(hue.dtype);
        var red = stack([value, q, p, p, t, value], 1);
        var green = stack([t, value, value, q, p, p], 1);
        var blue = stack([p, p, t, value, value, q], 1);
        var choices = stack([red, green, blue], 1);
        return (mask.unsqueeze(1) * choices).sum(2);
    }
}
