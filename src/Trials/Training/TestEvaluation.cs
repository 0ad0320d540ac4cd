using Sweep.Trials.Data;
using Sweep.Trials.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Training;

/// <summary>The final evaluation on the test split: predictions, then the metrics and the pictures of mistakes.</summary>
internal static class TestEvaluation
{
    public static TestMetrics Run(nn.Module<Tensor, Tensor> model, PreparedDataset data, InputResizer resizer,
        Device device, int misclassifiedExamples)
    {
        model.eval();
        using var noGrad = no_grad();
        var count = data.TestLabels.shape[0];
        var predicted = new int[count];
        var batchSize = EvaluationBatch.Size(data.TestImages, resizer);
        double lossSum = 0;
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var size = Math.Min(batchSize, count - start);
            var logits = model.call(resizer.Apply(data.TestImages.narrow(0, start, size)).to(device));
            var labels = data.TestLabels.narrow(0, start, size).to(device);
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
            var batchPredictions = logits.argmax(1).to(CPU).to_type(ScalarType.Int32).data<int>().ToArray();
            Array.Copy(batchPredictions, 0, predicted, start, size);
        }
        var truth = data.TestRaw.Labels;
        var misclassified = Enumerable.Range(0, (int)count)
            .Where(i => predicted[i] != truth[i])
            .Take(misclassifiedExamples)
            .Select(i => Picture(data.TestRaw, i, predicted[i]))
            .ToList();
        return TestMetricsBuilder.Build(truth, predicted, data.ClassNames, lossSum / count, misclassified);
    }

    private static MisclassifiedImage Picture(ImageSet images, int index, int predicted) =>
        new(index, images.Labels[index], predicted, images.Channels, images.Height, images.Width,
            images.Pixels.AsSpan(index * images.ImageBytes, images.ImageBytes).ToArray());
}
