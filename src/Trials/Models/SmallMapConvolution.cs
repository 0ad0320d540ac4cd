using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Sweep.Trials.Models;

/// <summary>Calls a convolution whose output map is smaller than its kernel (a 3×3 kernel on the 2×2 and 1×1 maps
/// of a ResNet's last stage at inputs of 64 px and less) with its weight gradient computed as one matrix product over
/// the batch; every other call is the convolution's own.</summary>
/// <remarks>oneDNN's AVX2 kernels, to which Sweep keeps oneDNN (<see cref="Training.OneDnnInstructionSet"/>), refuse
/// a weight gradient on such a map, and oneDNN falls back to its GEMM path, which multiplies one image at a time
/// (an inner dimension of OH × OW, 4 or 1) and sums the images: 15–18 ms for a 512-channel 3×3 convolution on a batch
/// of 32, where its forward pass takes 4–5 ms. Here the forward pass and the input gradient stay oneDNN's (a
/// transposed convolution runs the same kernel as the input gradient), and the weight gradient is the unfolded inputs
/// (im2col) multiplied once by the output gradient: a 512-channel 2×2 convolution's training step takes half the
/// time, a 1×1 one's a third. The weight gradient agrees with oneDNN's to float rounding.</remarks>
internal static class SmallMapConvolution
{
    public static Tensor Call(Conv2d convolution, Tensor input) =>
        Applies(convolution, input)
            ? BatchedWeightGradient.apply(input, convolution.weight, convolution.bias, convolution.stride,
                convolution.padding, convolution.dilation)
            : convolution.call(input);

    /// <summary>On the CPU, when the weight gradient will be taken, for an ungrouped zero-padded convolution whose
    /// output map is smaller than its kernel along either axis.</summary>
    internal static bool Applies(Conv2d convolution, Tensor input)
    {
        if (input.device_type != DeviceType.CPU || input.dim() != 4 || convolution.groups != 1
            || convolution.padding_mode != PaddingModes.Zeros || convolution.padding is not { } padding
            || !is_grad_enabled() || !convolution.weight.requires_grad)
            return false;
        var kernel = convolution.kernel_size;
        for (var axis = 0; axis < 2; axis++)
        {
            var output = FeatureMapArithmetic.ConvOutput((int)input.shape[2 + axis], (int)kernel[axis],
                (int)padding[axis], (int)convolution.stride[axis], (int)convolution.dilation[axis]);
            if (output < kernel[axis])
                return true;
        }
        return false;
    }

    private sealed class BatchedWeightGradient : autograd.SingleTensorFunction<BatchedWeightGradient>
    {
        private const string Geometry = "geometry";

        public override string Name => nameof(SmallMapConvolution);

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var (input, weight, bias) = ((Tensor)vars[0], (Tensor)vars[1], vars[2] as Tensor);
            var geometry = new ConvolutionGeometry((long[])vars[3], (long[])vars[4], (long[])vars[5], bias is not null);
            ctx.save_for_backward([input, weight]);
            ctx.save_data(Geometry, geometry);
            return F.conv2d(input, weight, bias, geometry.Stride, geometry.Padding, geometry.Dilation);
        }

        /// <summary>Gradients in the order of forward's arguments: input (none when it needs none, as for features
        /// computed once), weight, bias (none when there is none), then none for the three geometry arrays.</summary>
        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
        {
            var saved = ctx.get_saved_variables();
            var (input, weight) = (saved[0], saved[1]);
            var geometry = (ConvolutionGeometry)ctx.get_data(Geometry);
            var gradInput = input.requires_grad ? InputGradient(input, weight, gradOutput, geometry) : null;
            var gradBias = geometry.HasBias ? gradOutput.sum([0, 2, 3]) : null;
            return [gradInput!, WeightGradient(input, weight, gradOutput, geometry), gradBias!, null!, null!, null!];
        }

        private static Tensor InputGradient(Tensor input, Tensor weight, Tensor gradOutput, ConvolutionGeometry geometry)
        {
            // The rows and columns a strided convolution never reached, which the transposed one must give back.
            var outputPadding = new long[2];
            for (var axis = 0; axis < 2; axis++)
                outputPadding[axis] = input.shape[2 + axis] + 2 * geometry.Padding[axis]
                    - geometry.Dilation[axis] * (weight.shape[2 + axis] - 1) - 1
                    - (gradOutput.shape[2 + axis] - 1) * geometry.Stride[axis];
            return F.conv_transpose2d(gradOutput, weight, null, geometry.Stride, geometry.Padding, outputPadding,
                geometry.Dilation);
        }

        private static Tensor WeightGradient(Tensor input, Tensor weight, Tensor gradOutput, ConvolutionGeometry geometry)
        {
            long images = input.shape[0], outChannels = weight.shape[0];
            long positions = gradOutput.shape[2] * gradOutput.shape[3];
            using var columns = F.unfold(input, (weight.shape[2], weight.shape[3]),
                (geometry.Dilation[0], geometry.Dilation[1]), (geometry.Padding[0], geometry.Padding[1]),
                (geometry.Stride[0], geometry.Stride[1]));
            using var columnRows = columns.permute(0, 2, 1).reshape(images * positions, columns.shape[1]);
            using var gradRows = gradOutput.reshape(images, outChannels, positions).permute(1, 0, 2)
                .reshape(outChannels, images * positions);
            using var product = gradRows.mm(columnRows);
            return product.reshape(weight.shape);
        }
    }

    private sealed record ConvolutionGeometry(long[] Stride, long[] Padding, long[] Dilation, bool HasBias);
}
