using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>PyTorch's default initialisation of Conv2d and Linear (kaiming_uniform_ with a = √5 for the weight,
/// which is U(−1/√fan_in, 1/√fan_in), and the same bound for the bias), and torchvision's for ResNet convolutions,
/// drawn from an explicit generator. torch.nn.init in TorchSharp 0.107 cannot be used for this: its uniform_
/// accepts a generator but ignores it.</summary>
internal static class SeededInitialization
{
    public static void Initialize(nn.Module layer, long fanIn, Generator generator)
    {
        var bound = 1.0 / Math.Sqrt(fanIn);
        using var noGrad = no_grad();
        foreach (var (_, parameter) in layer.named_parameters())
        {
            using var uniform = rand(parameter.shape, dtype: parameter.dtype, device: parameter.device, generator: generator);
            parameter.copy_(uniform.mul_(2 * bound).sub_(bound));
        }
    }

    /// <summary>torchvision's ResNet convolutions: kaiming_normal_(mode="fan_out", nonlinearity="relu"), which is
    /// N(0, 2 / fan_out), fan_out being output channels × kernel area.</summary>
    public static void InitializeForRelu(nn.Module<Tensor, Tensor> convolution, long fanOut, Generator generator)
    {
        var standardDeviation = Math.Sqrt(2.0 / fanOut);
        using var noGrad = no_grad();
        foreach (var (_, parameter) in convolution.named_parameters())
        {
            using var normal = randn(parameter.shape, dtype: parameter.dtype, device: parameter.device, generator: generator);
            parameter.copy_(normal.mul_(standardDeviation));
        }
    }
}
