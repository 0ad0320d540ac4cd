using System.Globalization;
using Sweep.Trials.Data;
using Sweep.Trials.Specs;
using Sweep.Trials.Tests.Models.Torchvision;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Data;

public sealed class ColourJitterTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void HueAndSaturation_MatchTorchvisionsAdjustments()
    {
        const int count = 4, side = 6;
        using var generator = new Generator(17);
        using var pixels = rand([count, 3, side, side], generator: generator);
        float[] hues = [0.1f, -0.3f, 0.5f, 0f];
        float[] saturations = [0.5f, 1.5f, 0f, 1f];
        var values = pixels.data<float>().ToArray();
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(folder.File("pixels.bin"), bytes);

        DebianPython.Run("colour_jitter_reference.py", folder.File("pixels.bin"), $"{count}", $"{side}", $"{side}",
            folder.File("expected.bin"), Joined(hues), Joined(saturations));

        var expected = File.ReadAllBytes(folder.File("expected.bin"));
        var torchvision = new float[expected.Length / 4];
        Buffer.BlockCopy(expected, 0, torchvision, 0, expected.Length);
        using var hue = ColourJitter.ShiftHue(pixels, tensor(hues));
        using var saturated = ColourJitter.Saturate(pixels, tensor(saturations));
        var sweep = hue.data<float>().Concat(saturated.data<float>()).ToArray();
        Assert.Equal(torchvision.Length, sweep.Length);
        Assert.InRange(sweep.Zip(torchvision, (a, b) => Math.Abs(a - b)).Max(), 0, 1e-5);
    }

    [Fact]
    public void ColourAndResizedCropAugmentation_IsReproducibleFromTheGeneratorAndChangesTheBatch()
    {
        var spec = new AugmentationSpec { Hue = 0.1, Saturation = 0.4, ResizedCropScale = 0.3 };
        var augmenter = new Augmenter(spec, [0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]);
        using var source = new Generator(3);
        using var batch = rand([5, 3, 12, 12], generator: source) * 2 - 1;

        using var first = augmenter.Apply(batch, new Generator(8));
        using var again = augmenter.Apply(batch, new Generator(8));
        using var other = augmenter.Apply(batch, new Generator(9));

        Assert.Equal(batch.shape, first.shape);
        Assert.True(first.eq(again).all().item<bool>());
        Assert.False(first.eq(other).all().item<bool>());
        Assert.False(first.allclose(batch, atol: 1e-3));
    }

    private static string Joined(float[] values) =>
        string.Join(',', values.Select(value => value.ToString("R", CultureInfo.InvariantCulture)));
}
