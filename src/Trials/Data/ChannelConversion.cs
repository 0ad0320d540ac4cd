namespace Sweep.Trials.Data;

/// <summary><c>dataset.channels</c> for datasets whose files fix their channels: grayscale repeated into three
/// equal channels (Fashion-MNIST and MNIST for an ImageNet-pretrained net, as torchvision's
/// <c>Grayscale(num_output_channels=3)</c> does), or colour reduced to its luminance with the weights the image-folder
/// reader uses.</summary>
internal static class ChannelConversion
{
    public static ImageSet WithChannels(this ImageSet images, int channels)
    {
        if (channels == images.Channels)
            return images;
        var plane = images.Height * images.Width;
        var pixels = new byte[(long)images.Count * channels * plane];
        for (var image = 0; image < images.Count; image++)
        {
            var source = images.Pixels.AsSpan(image * images.ImageBytes, images.ImageBytes);
            var target = pixels.AsSpan(image * channels * plane, channels * plane);
            if (images.Channels == 1)
                for (var channel = 0; channel < channels; channel++)
                    source.CopyTo(target.Slice(channel * plane, plane));
            else
                for (var pixel = 0; pixel < plane; pixel++)
                    target[pixel] = (byte)Math.Round(0.299 * source[pixel] + 0.587 * source[plane + pixel]
                        + 0.114 * source[2 * plane + pixel]);
        }
        return images with { Pixels = pixels, Channels = channels };
    }

    public static RawDataset WithChannels(this RawDataset raw, int channels) => raw with
    {
        Train = raw.Train.WithChannels(channels),
        Test = raw.Test?.WithChannels(channels),
        Validation = raw.Validation?.WithChannels(channels),
    };
}
