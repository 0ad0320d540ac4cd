using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>Dropout whose masks come from the trial's own generator rather than the process-wide torch RNG, so
/// that trials training side by side in one process stay reproducible. Inverted dropout: kept values are scaled
/// by 1 / (1 − p) in training, and evaluation passes the input through. Channel-wise dropout zeroes whole
/// feature maps, one draw per (sample, channel). The mask is drawn on the generator's device and moved to the
/// input's: TorchSharp 0.107 creates only CPU generators (its <c>Generator(seed, device)</c> ignores the device), and
/// libtorch refuses a CPU generator for a CUDA draw. So a trial draws the same masks on any device, and on the CPU
/// nothing is moved.</summary>
public sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly double probability;
    private readonly bool channelwise;
    private readonly Generator generator;

    public SeededDropout(double probability, bool channelwise, Generator generator)
        : base(channelwise ? "SeededDropout2d" : "SeededDropout")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(probability, 1.0);
        this.probability = probability;
        this.channelwise = channelwise;
        this.generator = generator;
        RegisterComponents();
    }

    /// <summary>Where masks are drawn: always the CPU, the only device a TorchSharp generator draws on.</summary>
    internal static Device MaskDevice => CPU;

    public override Tensor forward(Tensor input)
    {
        if (!training || probability == 0)
            return input.alias();
        var maskShape = channelwise
            ? [input.shape[0], input.shape[1], .. Enumerable.Repeat(1L, input.shape.Length - 2)]
            : input.shape;
        using var uniform = rand(maskShape, dtype: input.dtype, device: MaskDevice, generator: generator);
        using var kept = uniform.ge(probability);
        using var scaled = kept.to_type(input.dtype).div_(1 - probability);
        using var mask = scaled.to(input.device);
        return input.mul(mask);
    }
}
