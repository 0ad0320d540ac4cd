using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Data;

/// <summary>A dataset ready for training: normalized float32 images (N×C×H×W) and int64 labels on the CPU for
/// the training, validation and test splits. Shared by every trial in the process, so callers must treat the
/// tensors as read-only (no in-place operations) and must not dispose it: its owner (<see cref="PreparedDatasetCache"/>)
/// does.</summary>
public sealed class PreparedDataset : IDisposable
{
    internal PreparedDataset(Tensor trainImages, Tensor trainLabels, Tensor valImages, Tensor valLabels,
        Tensor testImages, Tensor testLabels, ImageSet testRaw, ChannelStatistics statistics,
        ImageCanvas? wholeTrainImages)
    {
        TrainImages = trainImages;
        TrainLabels = trainLabels;
        ValImages = valImages;
        ValLabels = valLabels;
        TestImages = testImages;
        TestLabels = testLabels;
        TestRaw = testRaw;
        WholeTrainImages = wholeTrainImages;
        Mean = Array.AsReadOnly(statistics.Mean);
        Std = Array.AsReadOnly(statistics.Std);
    }

    public Tensor TrainImages { get; }
    public Tensor TrainLabels { get; }
    public Tensor ValImages { get; }
    public Tensor ValLabels { get; }
    public Tensor TestImages { get; }
    public Tensor TestLabels { get; }

    /// <summary>The training images whole, raw bytes in the order of <see cref="TrainImages"/>, for random resized
    /// crops drawn from all of each image as torchvision's are; null unless <see cref="WholeImage.AreKeptFor"/> the
    /// dataset. <see cref="TrainImages"/> still holds their centre squares, for evaluation in eval mode.</summary>
    public ImageCanvas? WholeTrainImages { get; }

    /// <summary>The test images as raw bytes, in the same order as <see cref="TestImages"/>, for showing pictures.</summary>
    public ImageSet TestRaw { get; }

    public IReadOnlyList<string> ClassNames => TestRaw.ClassNames;
    public int Channels => TestRaw.Channels;
    public int Height => TestRaw.Height;
    public int Width => TestRaw.Width;

    /// <summary>Per-channel mean of the training split, pixels scaled to [0, 1].</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>Per-channel standard deviation of the training split, pixels scaled to [0, 1].</summary>
    public IReadOnlyList<float> Std { get; }

    public void Dispose()
    {
        foreach (var tensor in new[] { TrainImages, TrainLabels, ValImages, ValLabels, TestImages, TestLabels })
            tensor.Dispose();
        WholeTrainImages?.Dispose();
    }
}
