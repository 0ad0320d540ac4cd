namespace Sweep.Trials.Data;

/// <summary>Images as read from disk: raw 0–255 pixels, channel-major per image (N×C×H×W), and their labels.</summary>
/// <param name="Whole">The same images whole, in the same order, when random resized crops are to be cut from them
/// (<see cref="WholeImage.AreKeptFor"/>); null otherwise.</param>
public sealed record ImageSet(byte[] Pixels, int[] Labels, int Channels, int Height, int Width,
    IReadOnlyList<string> ClassNames, IReadOnlyList<WholeImage>? Whole = null)
{
    public int Count => Labels.Length;
    public int ImageBytes => Channels * Height * Width;
}
