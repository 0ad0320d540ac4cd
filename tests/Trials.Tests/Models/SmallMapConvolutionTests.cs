using Sweep.Trials.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models;

public sealed class SmallMapConvolutionTests
{
    /// <summary>Float rounding of a sum over a few thousand products, relative to the gradient's largest value.</summary>
    private const double RelativeTolerance = 1e-5;

    public static TheoryData<int, int, int, int, int, int, bool> SmallMaps => new()
    {
        // in, out, map, kernel, stride, padding, bias
        { 16, 24, 2, 3, 1, 1, false }, // a ResNet's last stage at 64 px
        { 16, 24, 1, 3, 1, 1, false }, // … at 32 px
        { 8, 16, 4, 3, 2, 1, false },  // its first block, stride 2 from 4 × 4 to 2 × 2
        { 6, 10, 3, 5, 1, 2, true },   // an odd kernel wider than the map, with a bias
        { 6, 10, 3, 3, 1, 0, true },   // no padding: one output position
    };

    [Theory]
    [MemberData(nameof(SmallMaps))]
    public void Gradients_AreTheConvolutionsOwn(int inChannels, int outChannels, int map, int kernel, int stride,
        int padding, bool bias)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        var convolution = nn.Conv2d(inChannels, outChannels, kernel, stride, padding, bias: bias);
        var input = randn([5, inChannels, map, map], generator: generator).requires_grad_(true);
        var upstream = randn(convolution.call(input).shape, generator: generator);
        Assert.True(SmallMapConvolution.Applies(convolution, input));

        var (expectedOutput, expected) = OutputAndGradients(convolution, input, upstream, convolution.call);
        var (output, actual) = OutputAndGradients(convolution, input, upstream,
            x => SmallMapConvolution.Call(convolution, x));

        Assert.Equal(0, output.sub(expectedOutput).abs().max().item<float>());
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var scale = expected[i].abs().max().item<float>();
            Assert.InRange(actual[i].sub(expected[i]).abs().max().item<float>(), 0, RelativeTolerance * scale);
        }
    }

    [Fact]
    public void InputThatNeedsNoGradient_GetsNone_AndTheWeightStillGetsItsOwn()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(3);
        var convolution = nn.Conv2d(16, 24, 3, 1, 1, bias: false);
        var features = randn([4, 16, 2, 2], generator: generator);

        SmallMapConvolution.Call(convolution, features).square().sum().backward();
        var weightGradient = convolution.weight.grad!.clone();
        convolution.weight.grad!.zero_();
        convolution.call(features).square().sum().backward();

        Assert.Null(features.grad);
        var scale = convolution.weight.grad!.abs().max().item<float>();
        Assert.InRange(weightGradient.sub(convolution.weight.grad!).abs().max().item<float>(), 0, RelativeTolerance * scale);
    }

    [Fact]
    public void Applies_OnlyWhenAWeightGradientOnAMapSmallerThanTheKernelIsToBeTaken()
    {
        using var scope = NewDisposeScope();
        var threeByThree = nn.Conv2d(8, 8, 3, 1, 1, bias: false);
        var twoByTwo = zeros(2, 8, 2, 2);
        Assert.True(SmallMapConvolution.Applies(threeByThree, twoByTwo));
        Assert.True(SmallMapConvolution.Applies(threeByThree, zeros(2, 8, 2, 9)));

        Assert.False(SmallMapConvolution.Applies(threeByThree, zeros(2, 8, 4, 4)));
        Assert.False(SmallMapConvolution.Applies(nn.Conv2d(8, 8, 1, 2, 0, bias: false), twoByTwo));
        Assert.False(SmallMapConvolution.Applies(nn.Conv2d(8, 8, 3, 1, 1, groups: 2, bias: false), twoByTwo));
        Assert.False(SmallMapConvolution.Applies(nn.Conv2d(8, 8, 3, 1, 1, padding_mode: TorchSharp.PaddingModes.Reflect,
            bias: false), twoByTwo));
        using (no_grad())
            Assert.False(SmallMapConvolution.Applies(threeByThree, twoByTwo));
        threeByThree.weight.requires_grad_(false);
        Assert.False(SmallMapConvolution.Applies(threeByThree, twoByTwo));
    }

    private static (Tensor Output, List<Tensor> Gradients) OutputAndGradients(Conv2d convolution, Tensor input,
        Tensor upstream, Func<Tensor, Tensor> call)
    {
        foreach (var tensor in new[] { input, convolution.weight, convolution.bias })
            tensor?.grad?.zero_();
        var output = call(input);
        output.backward([upstream]);
        var gradients = new[] { input, convolution.weight, convolution.bias }
            .Where(tensor => tensor is not null)
            .Select(tensor => tensor!.grad!.clone())
            .ToList();
        return (output.detach(), gradients);
    }
}
