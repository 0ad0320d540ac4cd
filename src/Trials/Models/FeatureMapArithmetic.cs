namespace Sweep.Trials.Models;

/// <summary>Output sizes of convolution and pooling along one spatial axis, as PyTorch computes them.</summary>
public static class FeatureMapArithmetic
{
    /// <summary>floor((size + 2·padding − dilation·(kernel − 1) − 1) / stride) + 1; zero or less means the map
    /// collapsed. Floor, not C#'s truncation, so that a negative numerator never rounds up to a valid size.</summary>
    public static int ConvOutput(int size, int kernel, int padding, int stride, int dilation) =>
        FloorDivide(size + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1;

    /// <summary>Max pooling with a 2×2 window and stride 2 (no padding): floor(size / 2).</summary>
    public static int PoolOutput(int size) => FloorDivide(size, 2);

    /// <summary>Max pooling in PyTorch's default floor mode: the convolution formula without dilation.</summary>
    public static int PoolOutput(int size, int kernel, int padding, int stride) =>
        ConvOutput(size, kernel, padding, stride, dilation: 1);

    private static int FloorDivide(int numerator, int denominator) =>
        (int)Math.Floor(numerator / (double)denominator);
}
