using Sweep.Trials.Data;
using static TorchSharp.torch;

namespace Sweep.Trials.Training;

/// <summary>Mean loss and accuracy over a set of images in eval mode (dropout off, BatchNorm on its running
/// statistics), batch by batch: from the images themselves, or from a network's features for them.</summary>
internal static class EvaluationPass
{
    public static (double Loss, double Accuracy) OfImages(nn.Module<Tensor, Tensor> model, Tensor images,
        Tensor labels, InputResizer resizer, Device device) =>
        Run(model, model.call, images, labels, resizer.Apply, EvaluationBatch.Size(images, resizer), device);

    /// <summary><paramref name="forward"/> takes a batch of <paramref name="features"/> to logits.</summary>
    public static (double Loss, double Accuracy) OfFeatures(nn.Module model, Func<Tensor, Tensor> forward,
        Tensor features, Tensor labels, Device device) =>
        Run(model, forward, features, labels, batch => batch,
            EvaluationBatch.ForValuesPerImage(features.numel() / Math.Max(features.shape[0], 1)), device);

    private static (double Loss, double Accuracy) Run(nn.Module model, Func<Tensor, Tensor> forward, Tensor inputs,
        Tensor labels, Func<Tensor, Tensor> prepare, int batchSize, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        var count = labels.shape[0];
        double lossSum = 0;
        long correct = 0;
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var size = Math.Min(batchSize, count - start);
            var x = prepare(inputs.narrow(0, start, size)).to(device);
            var y = labels.narrow(0, start, size).to(device);
            var logits = forward(x);
            lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(y).sum().item<long>();
        }
        return (lossSum / count, (double)correct / count);
    }
}
