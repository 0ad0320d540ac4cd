using Sweep.Trials.Specs;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Sweep.Trials.Data;

/// <summary><c>dataset.resize</c> and <c>dataset.crop</c> on whole batches, as torchvision's <c>Resize(n)</c> (the
/// shorter side to n, bilinear, without antialiasing as on tensors) then <c>CenterCrop(n)</c> do. Both are linear
/// and weigh pixels summing to one, so they give the same result before or after normalization: the stored,
/// normalized tensors are resized as they are, batch by batch, instead of holding every image at the larger size.</summary>
public sealed class InputResizer(int resize, int crop)
{
    public static InputResizer Of(DatasetSpec spec) => new(spec.Resize, spec.Crop);

    public bool Changes => resize > 0 || crop > 0;

    /// <summary>The height and width images of this size come out at.</summary>
    public (int Height, int Width) OutputOf(int height, int width)
    {
        var (h, w) = Resized(height, width);
        return crop > 0 ? (crop, crop) : (h, w);
    }

    /// <summary>What is wrong with cropping images of this size, or null.</summary>
    public string? Problem(int height, int width)
    {
        var (h, w) = Resized(height, width);
        return crop > Math.Min(h, w)
            ? $"expected a crop no larger than the {h}×{w} images it cuts from, found {crop}; lower dataset.crop or raise dataset.resize"
            : null;
    }

    public Tensor Apply(Tensor batch)
    {
        if (!Changes)
            return batch;
        var (height, width) = ((int)batch.shape[2], (int)batch.shape[3]);
        var (h, w) = Resized(height, width);
        if ((h, w) != (height, width))
            batch = interpolate(batch, [h, w], mode: InterpolationMode.Bilinear, align_corners: false);
        if (crop == 0)
            return batch;
        // torchvision rounds the offsets half to even, as Python's round does and Math.Round does by default.
        var top = (int)Math.Round((h - crop) / 2.0);
        var left = (int)Math.Round((w - crop) / 2.0);
        return batch.narrow(2, top, crop).narrow(3, left, crop);
    }

    private (int Height, int Width) Resized(int height, int width) =>
        resize == 0 || Math.Min(height, width) == resize ? (height, width) : ShorterSideTo(resize, height, width);

    /// <summary>The shorter side to <paramref name="side"/>, the longer scaled and truncated, as torchvision's
    /// <c>Resize</c> computes it.</summary>
    internal static (int Height, int Width) ShorterSideTo(int side, int height, int width) => height <= width
        ? (side, (int)((long)side * width / height))
        : ((int)((long)side * height / width), side);
}
