using Sweep.Trials.Data;
using static TorchSharp.torch;

namespace Sweep.Trials.Training;

/// <summary>How many images are scored at once without training: 1,000 small ones, fewer large ones, so that a
/// batch of 224 px images (and a ResNet's activations for it) stays within memory.</summary>
internal static class EvaluationBatch
{
    private const int MostImages = 1000;
    private const long MostInputValues = 1L << 22;

    public static int Size(Tensor images, InputResizer resizer)
    {
        var (height, width) = resizer.OutputOf((int)images.shape[2], (int)images.shape[3]);
        return ForValuesPerImage(images.shape[1] * height * width);
    }

    /// <summary>For inputs of any shape (a network's features), each <paramref name="values"/> numbers.</summary>
    public static int ForValuesPerImage(long values) => (int)Math.Clamp(MostInputValues / Math.Max(values, 1), 1, MostImages);
}
