using Sweep.Trials.Specs;

namespace Sweep.Trials.Data;

/// <summary>Which mean and standard deviation the images are normalized with: the training split's own, or
/// ImageNet's, which torchvision's pretrained weights were trained on and expect.</summary>
public static class InputNormalization
{
    public static readonly float[] ImagenetMean = [0.485f, 0.456f, 0.406f];
    public static readonly float[] ImagenetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>The choice written, else ImageNet's for torchvision's named weights and the dataset's otherwise.</summary>
    public static NormalizeKind Of(TrialSpec spec) =>
        spec.Dataset.Normalize ?? (spec.Model.Pretrained is { } pretrained && PretrainedNames.IsName(pretrained)
            ? NormalizeKind.Imagenet
            : NormalizeKind.Dataset);

    /// <summary>The channels the model sees: the written count, else the files' own (image folders decode to RGB).</summary>
    public static int ChannelsOf(DatasetSpec spec) => spec.Channels ?? spec.Name switch
    {
        DatasetKind.FashionMnist or DatasetKind.Mnist => 1,
        _ => 3,
    };

    /// <summary>The side of the square images the files hold: MNIST's 28, CIFAR's 32, an image folder's image_size.</summary>
    public static int SideOf(DatasetSpec spec) => spec.Name switch
    {
        DatasetKind.FashionMnist or DatasetKind.Mnist => 28,
        DatasetKind.Cifar10 => CifarReader.Side,
        _ => spec.ImageSize,
    };

    public static ChannelStatistics Statistics(NormalizeKind kind, ImageSet train) =>
        kind == NormalizeKind.Imagenet
            ? new ChannelStatistics([.. ImagenetMean], [.. ImagenetStd])
            : ChannelStatistics.Of(train);
}
