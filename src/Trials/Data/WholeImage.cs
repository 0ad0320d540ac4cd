using Sweep.Trials.Specs;

namespace Sweep.Trials.Data;

/// <summary>One image of an image folder at the training size with its aspect kept (shorter side
/// <c>dataset.image_size</c>), before the centre square is cut: raw 0–255 pixels, channel-major (C×H×W). The longer
/// side is kept up to <see cref="MaximumAspect"/> times the shorter, the centre of a longer image: torchvision's
/// RandomResizedCrop draws from the whole image however long, but one canvas tensor holds every training image
/// (<see cref="ImageCanvas"/>), so an unbounded side would let the longest image set every image's memory.</summary>
public sealed record WholeImage(byte[] Pixels, int Height, int Width)
{
    public const int MaximumAspect = 2;

    /// <summary>Whether the training images are kept whole besides their centre squares: only random resized crops
    /// of an image folder need them. IDX and CIFAR files hold whole images already.</summary>
    public static bool AreKeptFor(DatasetSpec spec) =>
        spec.Name == DatasetKind.ImageFolder && spec.Augmentation.ResizedCropScale > 0;
}
