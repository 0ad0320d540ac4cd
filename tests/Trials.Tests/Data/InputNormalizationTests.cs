using Sweep.Trials.Data;
using Sweep.Trials.Specs;
using Sweep.Trials.Tests.Models.Torchvision;

namespace Sweep.Trials.Tests.Data;

public sealed class InputNormalizationTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static readonly TrialSpec Fashion = new() { Dataset = new DatasetSpec { Name = DatasetKind.FashionMnist } };

    [Fact]
    public void Default_IsImagenetForTorchvisionWeightsAndTheDatasetsOwnOtherwise()
    {
        var named = Fashion with { Model = new ModelSpec { Kind = ModelKind.Resnet, Pretrained = "torchvision:resnet18" } };
        var ownFile = Fashion with { Model = new ModelSpec { Pretrained = "runs/a/best-model.pt" } };

        Assert.Equal(NormalizeKind.Imagenet, InputNormalization.Of(named));
        Assert.Equal(NormalizeKind.Dataset, InputNormalization.Of(ownFile));
        Assert.Equal(NormalizeKind.Dataset, InputNormalization.Of(named with { Dataset = named.Dataset with { Normalize = NormalizeKind.Dataset } }));
    }

    [Fact]
    public void GrayscaleInThreeChannelsWithImagenetStatistics_MatchesTorchvisionsPipeline()
    {
        const int count = 6, side = 28;
        DataFileWriter.IdxDataset(folder.Path, trainCount: 20, testCount: count, side: side);
        var spec = new DatasetSpec { Name = DatasetKind.FashionMnist, Path = folder.Path, Channels = 3, Normalize = NormalizeKind.Imagenet };
        var raw = new DatasetLoader(DataSources.Standard, new FileDownloader(new HttpClient())).Load(spec, null, folder.File("s.yaml"));
        File.WriteAllBytes(folder.File("pixels.bin"), raw.Test!.Pixels);

        DebianPython.Run("grayscale_imagenet_reference.py", folder.File("pixels.bin"), $"{count}", $"{side}", $"{side}",
            folder.File("expected.bin"));
        using var data = DatasetPreparer.Prepare(raw, spec, folder.File("s.yaml"));

        var expected = File.ReadAllBytes(folder.File("expected.bin"));
        var torchvision = new float[expected.Length / 4];
        Buffer.BlockCopy(expected, 0, torchvision, 0, expected.Length);
        Assert.Equal([count, 3L, side, side], data.TestImages.shape);
        var sweep = data.TestImages.data<float>().ToArray();
        Assert.Equal(torchvision.Length, sweep.Length);
        Assert.InRange(sweep.Zip(torchvision, (a, b) => Math.Abs(a - b)).Max(), 0, 1e-5);
        Assert.NotEqual(sweep[0], sweep[side * side]);
    }

    [Theory]
    [InlineData(40, 36)]
    [InlineData(33, 30)]
    public void ResizeCenterCropAndImagenetStatistics_MatchTorchvisionsPipeline(int resize, int crop)
    {
        const int count = 5, side = 28;
        DataFileWriter.IdxDataset(folder.Path, trainCount: 20, testCount: count, side: side);
        var spec = new DatasetSpec { Name = DatasetKind.FashionMnist, Path = folder.Path, Channels = 3, Normalize = NormalizeKind.Imagenet };
        var raw = new DatasetLoader(DataSources.Standard, new FileDownloader(new HttpClient())).Load(spec, null, folder.File("s.yaml"));
        File.WriteAllBytes(folder.File("pixels.bin"), raw.Test!.Pixels);

        DebianPython.Run("resize_crop_reference.py", folder.File("pixels.bin"), $"{count}", $"{side}", $"{side}",
            $"{resize}", $"{crop}", folder.File("expected.bin"));
        using var data = DatasetPreparer.Prepare(raw, spec, folder.File("s.yaml"));
        var resizer = new InputResizer(resize, crop);
        using var batch = resizer.Apply(data.TestImages);

        var torchvision = Floats(File.ReadAllBytes(folder.File("expected.bin")));
        Assert.Equal([count, 3L, crop, crop], batch.shape);
        Assert.Equal((crop, crop), resizer.OutputOf(side, side));
        var sweep = batch.contiguous().data<float>().ToArray();
        Assert.Equal(torchvision.Length, sweep.Length);
        Assert.InRange(sweep.Zip(torchvision, (a, b) => Math.Abs(a - b)).Max(), 0, 1e-4);
    }

    [Fact]
    public void Resize_OfNonSquareImages_SetsTheShorterSideAsTorchvisionDoes()
    {
        Assert.Equal((256, 341), new InputResizer(256, 0).OutputOf(300, 400));
        Assert.Equal((341, 256), new InputResizer(256, 0).OutputOf(400, 300));
        Assert.Equal((224, 224), new InputResizer(256, 224).OutputOf(400, 300));
        Assert.NotNull(new InputResizer(0, 30).Problem(28, 28));
    }

    private static float[] Floats(byte[] bytes)
    {
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    [Fact]
    public void Colour_ToOneChannel_IsItsLuminance()
    {
        var images = new ImageSet([255, 0, 0, 255, 0, 0], [0], 3, 1, 2, ["x"]);

        var gray = images.WithChannels(1);

        Assert.Equal([76, 150], gray.Pixels);
        Assert.Equal([255, 0, 255, 0, 255, 0], new ImageSet([255, 0], [0], 1, 1, 2, ["x"]).WithChannels(3).Pixels);
    }
}
