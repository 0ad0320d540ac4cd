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
        return images with { Pixels = pixels, Labels = labels };
    }
}
