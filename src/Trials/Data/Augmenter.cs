using Sweep.Trials.Specs;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Sweep.Trials.Data;

/// <summary>Random training-time transformations of a whole batch at once. Every random number comes from the
/// generator passed in, never from torch's global one, so concurrent trials in one process each reproduce
/// exactly from their own seeds. Works in pixel space: normalized batches are mapped back to [0, 1] first so
/// that padding and the area rotated in are black, as in the raw images, not the mean colour.</summary>
public sealed class Augmenter(AugmentationSpec spec, IReadOnlyList<float> mean, IReadOnlyList<float> std)
{
    private readonly float[] mean = mean.ToArray();
    private readonly float[] std = std.ToArray();

    /// <summary>A new, augmented batch (B×C×H×W, normalized like the input); the input is left untouched.</summary>
    public Tensor Apply(Tensor batch, Generator generator)
    {
        CheckChannels(batch, nameof(batch));
        if (!spec.Any)
            return batch.clone();
        using var scope = NewDisposeScope();
        var (channelMean, channelStd) = Statistics(batch.device);
        var pixels = batch * channelStd + channelMean;
        if (spec.ResizedCropScale > 0)
            pixels = RandomResizedCrop.Apply(pixels, spec.ResizedCropScale, generator);
        return ((AfterCrop(pixels, generator) - channelMean) / channelStd).MoveToOuterDisposeScope();
    }

    /// <summary>A new, augmented batch of <paramref name="height"/>×<paramref name="width"/> images, normalized like
    /// the stored ones, whose random resized crops are cut from all of each image, as torchvision's are, and not only
    /// from its centre square.</summary>
    /// <param name="images">Raw images of different sizes, kept whole (<see cref="PreparedDataset.WholeTrainImages"/>).</param>
    public Tensor Apply(ImageCanvas images, int height, int width, Generator generator)
    {
        CheckChannels(images.Pixels, nameof(images));
        if (spec.ResizedCropScale <= 0)
            throw new InvalidOperationException("expected a random resized crop to cut whole images to one size, found none");
        using var scope = NewDisposeScope();
        var (channelMean, channelStd) = Statistics(images.Pixels.device);
        // As the stored images are scaled to [0, 1] before they are normalized.
        var pixels = images.Pixels.to_type(ScalarType.Float32).div(255f);
        pixels = RandomResizedCrop.Apply(pixels, images.Heights, images.Widths, height, width, spec.ResizedCropScale,
            generator);
        return ((AfterCrop(pixels, generator) - channelMean) / channelStd).MoveToOuterDisposeScope();
    }

    private void CheckChannels(Tensor batch, string parameter)
    {
        if (batch.dim() != 4 || batch.shape[1] != mean.Length)
            throw new ArgumentException(
                $"expected a B×{mean.Length}×H×W batch, found shape [{string.Join(", ", batch.shape)}]", parameter);
    }

    private (Tensor Mean, Tensor Std) Statistics(Device device) =>
        (tensor(mean, device: device).view(1, -1, 1, 1), tensor(std, device: device).view(1, -1, 1, 1));

    /// <summary>Every transformation but the random resized crop, in pixel space.</summary>
    private Tensor AfterCrop(Tensor pixels, Generator generator)
    {
        if (spec.HorizontalFlip)
            pixels = FlipHalf(pixels, generator);
        if (spec.CropPadding > 0)
            pixels = RandomCrop(pixels, spec.CropPadding, generator);
        if (spec.RotationDegrees > 0 || spec.TranslateFraction > 0)
            pixels = RandomAffine(pixels, generator);
        if (spec.Brightness > 0 || spec.Contrast > 0)
            pixels = Jitter(pixels, generator);
        if (spec.Saturation > 0)
            pixels = ColourJitter.Saturate(pixels, 1 + Symmetric(pixels, generator) * spec.Saturation);
        if (spec.Hue > 0)
            pixels = ColourJitter.ShiftHue(pixels, Symmetric(pixels, generator) * spec.Hue);
        return pixels;
    }

    private static Tensor FlipHalf(Tensor pixels, Generator generator)
    {
        var flip = (Uniform(pixels, generator) < 0.5).view(-1, 1, 1, 1);
        return where(flip, pixels.flip(3), pixels);
    }

    /// <summary>Zero-pads by <paramref name="padding"/> on every side and cuts a window of the original size at a
    /// random offset per image; the two gathers pick each image's rows, then its columns.</summary>
    private static Tensor RandomCrop(Tensor pixels, int padding, Generator generator)
    {
        var (count, channels, height, width) = (pixels.shape[0], pixels.shape[1], pixels.shape[2], pixels.shape[3]);
        var padded = pad(pixels, (padding, padding, padding, padding));
        var top = randint(0, 2 * padding + 1, [count], ScalarType.Int64, pixels.device, generator: generator);
        var left = randint(0, 2 * padding + 1, [count], ScalarType.Int64, pixels.device, generator: generator);
        var rows = (top.view(-1, 1) + arange(height, device: pixels.device).view(1, -1))
            .view(count, 1, height, 1).expand(count, channels, height, width + 2 * padding);
        var columns = (left.view(-1, 1) + arange(width, device: pixels.device).view(1, -1))
            .view(count, 1, 1, width).expand(count, channels, height, width);
        return padded.gather(2, rows).gather(3, columns);
    }

    /// <summary>Rotation about the centre and translation in one sampling pass. affine_grid works in coordinates
    /// running from -1 to 1 across the image, so a shift by a fraction f of the image is 2f there.</summary>
    private Tensor RandomAffine(Tensor pixels, Generator generator)
    {
        var angle = Symmetric(pixels, generator) * (spec.RotationDegrees * Math.PI / 180);
        var shiftX = Symmetric(pixels, generator) * (2 * spec.TranslateFraction);
        var shiftY = Symmetric(pixels, generator) * (2 * spec.TranslateFraction);
        var (cos, sin) = (angle.cos(), angle.sin());
        var theta = stack([cos, -sin, shiftX, sin, cos, shiftY], 1).view(-1, 2, 3);
        var grid = affine_grid(theta, pixels.shape, align_corners: false);
        return grid_sample(pixels, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false);
    }

    /// <summary>Brightness scales every pixel of an image; contrast scales its distance from the image's mean.</summary>
    private Tensor Jitter(Tensor pixels, Generator generator)
    {
        var brightness = 1 + Symmetric(pixels, generator) * spec.Brightness;
        var contrast = 1 + Symmetric(pixels, generator) * spec.Contrast;
        var brightened = pixels * brightness.view(-1, 1, 1, 1);
        var imageMean = brightened.mean([1, 2, 3], keepdim: true);
        return ((brightened - imageMean) * contrast.view(-1, 1, 1, 1) + imageMean).clamp(0, 1);
    }

    private static Tensor Uniform(Tensor pixels, Generator generator) =>
        rand([pixels.shape[0]], pixels.dtype, pixels.device, generator: generator);

    /// <summary>One value per image, uniform in [-1, 1).</summary>
    private static Tensor Symmetric(Tensor pixels, Generator generator) => Uniform(pixels, generator) * 2 - 1;
}
