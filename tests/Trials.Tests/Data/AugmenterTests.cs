using Sweep.Trials.Data;
using Sweep.Trials.Specs;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Data;

public sealed class AugmenterTests
{
    private static readonly float[] Mean = [0.5f, 0.4f];
    private static readonly float[] Std = [0.25f, 0.2f];

    private static readonly AugmentationSpec Everything = new()
    {
        HorizontalFlip = true,
        CropPadding = 2,
        RotationDegrees = 15,
        TranslateFraction = 0.1,
        Brightness = 0.3,
        Contrast = 0.3,
    };

    public static TheoryData<string> SingleTransforms => ["flip", "crop", "rotate", "translate", "brightness", "contrast"];

    [Fact]
    public void Apply_SameGeneratorSeed_GivesIdenticalBatches()
    {
        using var batch = Batch();
        var augmenter = new Augmenter(Everything, Mean, Std);

        using var first = augmenter.Apply(batch, new Generator(42));
        using var second = augmenter.Apply(batch, new Generator(42));
        using var other = augmenter.Apply(batch, new Generator(43));

        Assert.True(first.Equals(second));
        Assert.False(first.Equals(other));
    }

    [Fact]
    public void Apply_ChangesTheBatch_LeavesInputUntouched_KeepsShape()
    {
        using var batch = Batch();
        using var copy = batch.clone();

        using var augmented = new Augmenter(Everything, Mean, Std).Apply(batch, new Generator(1));

        Assert.Equal(batch.shape, augmented.shape);
        Assert.False(augmented.Equals(batch));
        Assert.True(batch.Equals(copy));
    }

    [Theory]
    [MemberData(nameof(SingleTransforms))]
    public void Apply_EachTransformAloneChangesTheBatch(string transform)
    {
        var spec = transform switch
        {
            "flip" => new AugmentationSpec { HorizontalFlip = true },
            "crop" => new AugmentationSpec { CropPadding = 3 },
            "rotate" => new AugmentationSpec { RotationDegrees = 30 },
            "translate" => new AugmentationSpec { TranslateFraction = 0.2 },
            "brightness" => new AugmentationSpec { Brightness = 0.5 },
            _ => new AugmentationSpec { Contrast = 0.5 },
        };
        using var batch = Batch();

        using var augmented = new Augmenter(spec, Mean, Std).Apply(batch, new Generator(3));

        Assert.False(augmented.Equals(batch));
    }

    [Fact]
    public void Apply_Flip_MirrorsWholeImagesOnly()
    {
        using var batch = Batch();

        using var augmented = new Augmenter(new AugmentationSpec { HorizontalFlip = true }, Mean, Std)
            .Apply(batch, new Generator(5));

        var flippedCount = 0;
        for (var i = 0; i < batch.shape[0]; i++)
        {
            var same = augmented[i].allclose(batch[i], atol: 1e-5);
            var mirrored = augmented[i].allclose(batch[i].flip(2), atol: 1e-5);
            Assert.True(same || mirrored);
            flippedCount += mirrored ? 1 : 0;
        }
        Assert.InRange(flippedCount, 1, (int)batch.shape[0] - 1);
    }

    [Fact]
    public void Apply_Crop_ShiftsContentAndFillsWithBlack()
    {
        using var batch = Batch();

        using var augmented = new Augmenter(new AugmentationSpec { CropPadding = 2 }, Mean, Std)
            .Apply(batch, new Generator(8));

        var pixels = augmented * tensor(Std).view(1, 2, 1, 1) + tensor(Mean).view(1, 2, 1, 1);
        var original = batch * tensor(Std).view(1, 2, 1, 1) + tensor(Mean).view(1, 2, 1, 1);
        for (var i = 0; i < batch.shape[0]; i++)
        {
            var matchesAShift = Enumerable.Range(-2, 5).SelectMany(dy => Enumerable.Range(-2, 5).Select(dx => (dy, dx)))
                .Any(shift => Shifted(original[i], shift.dy, shift.dx).allclose(pixels[i], atol: 1e-5));
            Assert.True(matchesAShift, $"image {i} is not a zero-padded shift of the original");
        }
    }

    [Fact]
    public void Apply_NothingEnabled_ReturnsAnEqualNewTensor()
    {
        using var batch = Batch();

        using var result = new Augmenter(new AugmentationSpec(), Mean, Std).Apply(batch, new Generator(1));

        Assert.True(result.Equals(batch));
        Assert.NotEqual(batch.Handle, result.Handle);
    }

    [Fact]
    public void Apply_WrongChannelCount_IsRejected()
    {
        using var batch = zeros(2, 3, 4, 4);

        Assert.Throws<ArgumentException>(() => new Augmenter(Everything, Mean, Std).Apply(batch, new Generator(1)));
    }

    /// <summary>Eight normalized 2×10×10 images with a gradient plus noise, so no transform maps one to itself.</summary>
    private static Tensor Batch()
    {
        using var generator = new Generator(123);
        var pixels = rand([8, 2, 10, 10], generator: generator) * 0.5 + linspace(0, 0.5, 10).view(1, 1, 1, 10);
        return ((pixels - tensor(Mean).view(1, 2, 1, 1)) / tensor(Std).view(1, 2, 1, 1)).DetachFromDisposeScope();
    }

    /// <summary>The image moved down by dy and right by dx, with zeros where nothing moved in.</summary>
    private static Tensor Shifted(Tensor image, int dy, int dx)
    {
        var padded = nn.functional.pad(image.unsqueeze(0), (2, 2, 2, 2)).squeeze(0);
        return padded[.., (2 - dy)..(12 - dy), (2 - dx)..(12 - dx)];
    }
}
