namespace Sweep.Trials.Data;

/// <summary>Per-channel mean and (population) standard deviation of pixels scaled to [0, 1].</summary>
public sealed record ChannelStatistics(float[] Mean, float[] Std)
{
    public static ChannelStatistics Of(ImageSet images)
    {
        if (images.Count == 0)
            throw new ArgumentException("cannot compute statistics of an empty image set", nameof(images));
        var plane = images.Height * images.Width;
        var sums = new long[images.Channels];
        var squares = new long[images.Channels];
        for (var image = 0; image < images.Count; image++)
        {
            for (var channel = 0; channel < images.Channels; channel++)
            {
                var pixels = images.Pixels.AsSpan((image * images.Channels + channel) * plane, plane);
                long sum = 0, square = 0;
                foreach (var value in pixels)
                {
                    sum += value;
                    square += value * value;
                }
                sums[channel] += sum;
                squares[channel] += square;
            }
        }
        var n = (double)images.Count * plane;
        var mean = new float[images.Channels];
        var std = new float[images.Channels];
        for (var channel = 0; channel < images.Channels; channel++)
        {
            var m = sums[channel] / n;
            var variance = Math.Max(0, squares[channel] / n - m * m);
            mean[channel] = (float)(m / 255);
            // A constant channel would divide by zero when normalizing; leaving it unscaled is the harmless choice.
            std[channel] = variance > 0 ? (float)(Math.Sqrt(variance) / 255) : 1f;
        }
        return new ChannelStatistics(mean, std);
    }
}
