using Sweep.Trials.Training;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class OneDnnInstructionSetTests
{
    /// <summary>Leaves NaN in memory the allocator will hand out next, then backpropagates through a convolution
    /// into its input, as the second conv block of every trial does. With oneDNN's AVX-512 kernels about a third of
    /// these gradients came back non-finite on the test machines.</summary>
    [Fact]
    public void ConvolutionInputGradient_IsFiniteEvenWhenFreedMemoryHeldNaN()
    {
        Assert.Equal("AVX2", OneDnnInstructionSet.Current);
        using var convolution = nn.Conv2d(4, 8, 3, 1, 1);
        var nonFinite = 0;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            using var scope = NewDisposeScope();
            LeaveNaNInFreedMemory();
            var input = rand([32, 4, 28, 28]).requires_grad_(true);
            convolution.call(input).sum().backward();
            if (!input.grad!.isfinite().all().item<bool>())
                nonFinite++;
        }
        Assert.Equal(0, nonFinite);
    }

    private static void LeaveNaNInFreedMemory()
    {
        foreach (var size in new long[] { 25_088, 100_352, 200_704, 401_408 })
            for (var copy = 0; copy < 4; copy++)
                full([size], float.NaN).Dispose();
    }
}
