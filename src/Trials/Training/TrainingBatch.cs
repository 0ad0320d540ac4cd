using Sweep.Trials.Data;
using static TorchSharp.torch;

namespace Sweep.Trials.Training;

/// <summary>The images of one training batch as the model takes them: the stored images resized and augmented, or,
/// when the dataset keeps its training images whole (an image folder with random resized crops), cut from those
/// whole images straight to the model's input size, as torchvision's RandomResizedCrop(size) replaces
/// Resize and CenterCrop in a training pipeline.</summary>
internal static class TrainingBatch
{
    public static Tensor Images(PreparedDataset data, Tensor indices, InputResizer resizer, Augmenter? augmenter,
        Generator generator)
    {
        if (data.WholeTrainImages is { } whole && augmenter is not null)
        {
            var (height, width) = resizer.OutputOf(data.Height, data.Width);
            return augmenter.Apply(whole.Select(indices), height, width, generator);
        }
        var images = resizer.Apply(data.TrainImages.index_select(0, indices));
        return augmenter is null ? images : augmenter.Apply(images, generator);
    }
}
