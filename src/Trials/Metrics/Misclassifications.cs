using Sweep.Trials.Data;
using Sweep.Trials.Training;

namespace Sweep.Trials.Metrics;

public static class Misclassifications
{
    /// <summary>The first <paramref name="limit"/> indices, in data order, where the prediction is wrong; data
    /// order keeps the choice the same from run to run.</summary>
    public static IReadOnlyList<int> Indices(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int limit)
    {
        if (truth.Count != predicted.Count)
            throw new ArgumentException(
                $"truth has {truth.Count} labels but predicted has {predicted.Count}", nameof(predicted));
        return Enumerable.Range(0, truth.Count).Where(i => truth[i] != predicted[i]).Take(limit).ToList();
    }

    /// <summary>Copies the pixels of the given images out of the set that was evaluated.</summary>
    public static IReadOnlyList<MisclassifiedImage> Images(ImageSet images, IReadOnlyList<int> predicted,
        IReadOnlyList<int> indices) =>
        indices.Select(i => new MisclassifiedImage(i, images.Labels[i], predicted[i], images.Channels, images.Height,
            images.Width, images.Pixels.AsSpan(i * images.ImageBytes, images.ImageBytes).ToArray())).ToList();
}
