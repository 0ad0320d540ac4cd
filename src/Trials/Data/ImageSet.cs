namespace Sweep.Trials.Data;

/// <summary>Images as read from disk: raw 0–255 pixels, channel-major per image (N×C×H×W), and their labels.</summary>
public sealed record ImageSet(byte[] Pixels, int[] Labels, int Channels, int Height, int Width,
    IReadOnlyList<string> ClassNames)
{
    public int Count => Labels.Length;
    public int ImageBytes => Channels * Height * Width;
}
