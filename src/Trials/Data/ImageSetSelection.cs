namespace Sweep.Trials.Data;

internal static class ImageSetSelection
{
    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public static ImageSet Select(this ImageSet images, IReadOnlyList<int> indices)
    {
        var size = images.ImageBytes;
        var pixels = new byte[(long)indices.Count * size];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Array.Copy(images.Pixels, (long)indices[i] * size, pixels, (long)i * size, size);
            labels[i] = images.Labels[indices[i]];
        }
        return images with
        {
            Pixels = pixels,
            Labels = labels,
            Whole = images.Whole is { } whole ? [.. indices.Select(index => whole[index])] : null,
        };
    }

    /// <summary>Only the images of the classes in <paramref name="keep"/> (old class indices), labelled by their
    /// position in it, as CIFAR-2 is CIFAR-10's airplanes and birds labelled 0 and 1.</summary>
    public static ImageSet WithClasses(this ImageSet images, IReadOnlyList<int> keep)
    {
        var kept = Enumerable.Range(0, images.Count).Where(i => keep.Contains(images.Labels[i])).ToList();
        var selected = images.Select(kept);
        var labels = selected.Labels.Select(label => IndexOf(keep, label)).ToArray();
        return selected with { Labels = labels, ClassNames = [.. keep.Select(index => images.ClassNames[index])] };
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value)
                return i;
        throw new ArgumentOutOfRangeException(nameof(value), value, "not among the kept classes");
    }
}
