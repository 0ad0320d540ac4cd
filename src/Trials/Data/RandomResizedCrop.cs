using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Sweep.Trials.Data;

/// <summary>torchvision's RandomResizedCrop on a batch: per image, a box drawn as torchvision draws it
/// (<see cref="CropBoxes"/>), scaled to the output size by bilinear sampling of the box alone, as torchvision's crop
/// then resize do (without antialiasing, as on tensors). The images may differ in size: image b fills the top-left
/// heights[b]×widths[b] of the batch's canvas, and its box lies within that. A whole batch is cut in one sampling
/// pass.</summary>
internal static class RandomResizedCrop
{
    /// <summary>Images that all fill the batch, each cut back to its own size.</summary>
    public static Tensor Apply(Tensor pixels, double minimumScale, Generator generator)
    {
        var (count, height, width) = (pixels.shape[0], pixels.shape[2], pixels.shape[3]);
        using var heights = full([count], height, ScalarType.Int64, pixels.device);
        using var widths = full([count], width, ScalarType.Int64, pixels.device);
        return Apply(pixels, heights, widths, (int)height, (int)width, minimumScale, generator);
    }

    public static Tensor Apply(Tensor pixels, Tensor heights, Tensor widths, int outputHeight, int outputWidth,
        double minimumScale, Generator generator) =>
        Sample(pixels, CropBoxes.Draw(heights, widths, minimumScale, generator), outputHeight, outputWidth);

    internal static Tensor Sample(Tensor pixels, CropBoxes boxes, int outputHeight, int outputWidth)
    {
        var count = pixels.shape[0];
        var x = GridCoordinates(boxes.Left, boxes.Width, outputWidth, pixels.shape[3])
            .unsqueeze(1).expand(count, outputHeight, outputWidth);
        var y = GridCoordinates(boxes.Top, boxes.Height, outputHeight, pixels.shape[2])
            .unsqueeze(2).expand(count, outputHeight, outputWidth);
        var grid = stack([x, y], 3).to_type(pixels.dtype);
        return grid_sample(pixels, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
    }

    /// <summary>Where each output pixel samples along one axis: its centre mapped into the box as interpolate maps
    /// it (align_corners false), clamped to the box's first and last pixels as interpolate clamps to the edges of the
    /// cropped image, so no pixel outside the box (nor the empty canvas past a smaller image) leaks in; then in
    /// grid_sample's coordinates, which run from -1 to 1 across the canvas.</summary>
    private static Tensor GridCoordinates(Tensor start, Tensor length, int outputs, long canvas)
    {
        var centres = arange(outputs, ScalarType.Float64, start.device).unsqueeze(0) + 0.5;
        var first = start.unsqueeze(1);
        var last = (start + length - 1).unsqueeze(1);
        var positions = (first + centres * (length / outputs).unsqueeze(1) - 0.5).clamp(first, last);
        return (positions * 2 + 1) / canvas - 1;
    }
}
